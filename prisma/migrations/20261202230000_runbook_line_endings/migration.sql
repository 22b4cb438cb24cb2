-- Runbook text is stored with LF line breaks and no trailing whitespace at its end (lib/runbooks/
-- normalise-text.ts). Revisions saved through the browser's textarea were CRLF: normalise them, so
-- that history diffs and three-way merges compare lines, not line endings.
UPDATE "Runbook" SET body = regexp_replace(replace(replace(body, E'\r\n', E'\n'), E'\r', E'\n'), E'\\s+$', '')
 WHERE body ~ E'\r' OR body ~ E'\\s$';
UPDATE "RunbookRevision" SET body = regexp_replace(replace(replace(body, E'\r\n', E'\n'), E'\r', E'\n'), E'\\s+$', '')
 WHERE body ~ E'\r' OR body ~ E'\\s$';
UPDATE "RunbookTemplate" SET body = regexp_replace(replace(replace(body, E'\r\n', E'\n'), E'\r', E'\n'), E'\\s+$', '')
 WHERE body ~ E'\r' OR body ~ E'\\s$';

-- Search finds what alerts and people type: the service's slug and name are part of every runbook's
-- vector, and slugs, hyphenated, dotted and camel-cased words (checkout-api, CheckoutLatencyP99High)
-- are also indexed as their parts (checkout api, checkout latency p99 high). The query is split the
-- same way (lib/runbooks/search-words.ts). Written as an E'' string with \x3B for semicolons: the
-- migration runner splits statements on a bare semicolon (STACK.md).
CREATE OR REPLACE FUNCTION runbook_search_words(input text) RETURNS text LANGUAGE sql IMMUTABLE AS E'
  SELECT regexp_replace(regexp_replace(coalesce(input, \'\'), \'([[:lower:][:digit:]])([[:upper:]])\', \'\\1 \\2\', \'g\'), \'[-_./:]+\', \' \', \'g\')
';

CREATE OR REPLACE FUNCTION runbook_search_vector_update() RETURNS trigger LANGUAGE plpgsql AS E'
DECLARE
  service_words text\x3B
  labels text\x3B
BEGIN
  SELECT s.slug || \' \' || s.name INTO service_words FROM "Service" s WHERE s.id = NEW."serviceId"\x3B
  labels := array_to_string(NEW."tags", \' \') || \' \' || array_to_string(NEW."alertNames", \' \')\x3B
  NEW."searchVector" :=
    setweight(to_tsvector(\'english\', coalesce(NEW."title", \'\') || \' \' || runbook_search_words(NEW."title")), \'A\') ||
    setweight(to_tsvector(\'english\', labels || \' \' || runbook_search_words(labels) || \' \' || coalesce(service_words, \'\') || \' \' || runbook_search_words(service_words)), \'B\') ||
    setweight(to_tsvector(\'english\', coalesce(NEW."body", \'\')), \'C\')\x3B
  RETURN NEW\x3B
END\x3B
';

-- Recompute every vector with the new function (the trigger fires on an update of the title).
UPDATE "Runbook" SET title = title;
