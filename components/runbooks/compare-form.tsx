import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/select";

/** A plain GET form: comparing revisions needs no JavaScript and gives a shareable URL. */
export function CompareForm({ numbers, from, to }: { numbers: number[]; from: number; to: number }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Compare revisions">
      <label className="space-y-1 text-sm">
        <span className="block font-medium">From revision</span>
        <Select name="from" defaultValue={String(from)}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</Select>
      </label>
      <label className="space-y-1 text-sm">
        <span className="block font-medium">To revision</span>
        <Select name="to" defaultValue={String(to)}>{numbers.map((n) => <option key={n} value={n}>{n}</option>)}</Select>
      </label>
      <Button type="submit" variant="secondary">Compare</Button>
    </form>
  );
}
