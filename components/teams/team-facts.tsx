import { TextLink } from "@/components/ui/text-link";
import type { TeamDetail } from "@/lib/teams/queries";

const isWebAddress = (value: string) => /^https?:\/\//i.test(value);

/** The team's key facts as a description list. */
export function TeamFacts({ team }: { team: TeamDetail }) {
  return (
    <dl className="grid grid-cols-1 gap-x-6 gap-y-4 rounded-lg border border-line bg-surface px-5 py-4 shadow-xs sm:grid-cols-2 lg:grid-cols-4">
      <div>
        <dt className="text-sm text-fg-muted">Domain</dt>
        <dd className="mt-1 text-sm font-medium">{team.domain?.name ?? "None"}</dd>
      </div>
      <div>
        <dt className="text-sm text-fg-muted">Chat channel</dt>
        <dd className="mt-1 text-sm font-medium break-all">
          {!team.chatChannel ? (
            <span className="font-normal text-fg-muted">Not set</span>
          ) : isWebAddress(team.chatChannel) ? (
            <a href={team.chatChannel} className="text-link underline-offset-2 hover:underline" rel="noreferrer" target="_blank">
              {team.chatChannel}
              <span className="sr-only"> (opens in a new tab)</span>
            </a>
          ) : (
            team.chatChannel
          )}
        </dd>
      </div>
      <div>
        <dt className="text-sm text-fg-muted">Members</dt>
        <dd className="mt-1 text-sm font-medium tabular-nums">{team.members.length}</dd>
      </div>
      <div>
        <dt className="text-sm text-fg-muted">Services owned</dt>
        <dd className="mt-1 text-sm font-medium tabular-nums">
          {team.services.length ? (
            <TextLink href={`/services?team=${encodeURIComponent(team.slug)}`}>{team.services.length}</TextLink>
          ) : (
            0
          )}
        </dd>
      </div>
    </dl>
  );
}
