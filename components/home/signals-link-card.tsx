import { ArrowRight } from "lucide-react";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";

/** The way to the anti-pattern signals page from the homes of the people who act on it. */
export function SignalsLinkCard() {
  return (
    <Card aria-labelledby="signals-link-heading">
      <CardHeader titleId="signals-link-heading" title="Signals"
        description="Inflated targets, thin rotas, change treacle, unplanned work rising, stuck actions and lost accountability, each with its evidence."
        actions={<ButtonLink href="/signals" variant="secondary" size="sm">Open signals <ArrowRight aria-hidden="true" /></ButtonLink>} />
    </Card>
  );
}
