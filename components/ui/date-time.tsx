// Times are shown in UTC: the server renders them, and an operations trail must read the same for everyone.
const formatter = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  year: "numeric",
  month: "short",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function formatDateTime(value: Date): string {
  return `${formatter.format(value)} UTC`;
}

export function DateTime({ value, className }: { value: Date; className?: string }) {
  return (
    <time dateTime={value.toISOString()} className={className}>
      {formatDateTime(value)}
    </time>
  );
}
