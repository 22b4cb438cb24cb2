import type { Role } from "@/lib/generated/prisma/enums";

// Only what the portal can do today; the line grows as incidents and the backlog arrive.
const WHAT_YOU_CAN_DO: Record<Role, string> = {
  ENGINEER:
    "Run your services: see who is on call and swap shifts, find and fix runbooks, follow your pipelines' deployments, and raise changes the gate does not pre-approve.",
  PRODUCT_MANAGER:
    "Set availability and deployment targets, follow DORA measures and on-call load and pay, and shape the deployment patterns that pre-approve routine changes.",
  CHANGE_MANAGER:
    "Decide normal changes at the CAB, shape deployment patterns, freezes and required health checks, follow flagged deployments, and review or export the audit trail.",
  ADMIN: "Keep the organisation in shape: people, teams and leads, on-call schedules and holiday calendars, and the health of the audit trail.",
};

export function RoleIntro({ role }: { role: Role }) {
  return (
    <p>
      <span className="font-medium text-fg">What you can do here: </span>
      {WHAT_YOU_CAN_DO[role]}
    </p>
  );
}
