-- Tag colours are rendered into style attributes: only #rrggbb may be stored, whoever writes it
-- (the API, the seed, or someone editing the database by hand). NOT VALID: a deployment whose old
-- rows break the rule still migrates; those rows render with the fallback colour until fixed.
UPDATE "SourceTag" SET "color" = lower("color") WHERE "color" ~ '^#[0-9A-Fa-f]{6}$';
ALTER TABLE "SourceTag" ADD CONSTRAINT "SourceTag_color_check" CHECK ("color" ~ '^#[0-9a-f]{6}$') NOT VALID;
