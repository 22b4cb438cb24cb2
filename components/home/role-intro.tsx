import type { Role } from "@/lib/generated/prisma/enums";

// Only what the portal can do today; the line grows as on-call, runbooks and changes arrive.
const WHAT_YOU_CAN_DO: Record<Role, string> = {
  ENGINEER: "See the services your teams build and run, find who owns any service, and look up teams and people.",
  PRODUCT_MANAGER:
    "Check your services' availability and deployment targets against their exposure bands, and see who owns what.",
  CHANGE_MANAGER: "Follow every change to the catalog in the audit trail and see how often services aim to deploy.",
  ADMIN: "Keep the organisation in shape: spot people without a team and teams too small to sustain an on-call rota.",
};

export function RoleIntro({ role }: { role: Role }) {
  return (
    <p>
      <span className="font-medium text-fg">What you can do here: </span>
      {WHAT_YOU_CAN_DO[role]}
    </p>
  );
}
