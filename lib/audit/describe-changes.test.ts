import { describe, expect, it } from "vitest";
import { describeChanges } from "./describe-changes";

describe("describeChanges", () => {
  it("lists only changed fields, skipping ids and timestamps", () => {
    expect(describeChanges({ id: "1", name: "A", tier: "TIER_1", updatedAt: "x" }, { id: "1", name: "B", tier: "TIER_1", updatedAt: "y" })).toEqual([
      { field: "name", from: "A", to: "B" },
    ]);
  });
  it("says nothing field by field for a creation", () => {
    expect(describeChanges(null, { name: "A" })).toEqual([]);
  });
  it("shows empty values as a dash and shortens long ones", () => {
    const [change] = describeChanges({ note: null }, { note: "x".repeat(100) });
    expect(change!.from).toBe("—");
    expect(change!.to).toHaveLength(78);
  });
});

import { entityLabel } from "./entity-label";

describe("entityLabel", () => {
  it("names the entity from its newest snapshot", () => {
    expect(entityLabel({ name: "Old" }, { name: "New" })).toBe("New");
    expect(entityLabel({ slug: "gone" }, null)).toBe("gone");
    expect(entityLabel(null, { email: "a@b.test" })).toBe("a@b.test");
    expect(entityLabel(null, { id: "x" })).toBeNull();
  });
});
