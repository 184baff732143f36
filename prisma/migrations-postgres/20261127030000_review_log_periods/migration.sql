-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "periods" TEXT;

-- A new review adds its XP, one review and, when it was not "again", one correct answer to each
-- leaderboard period it names, creating the member's row for a period on its first review there.
-- Done here rather than by the application so that recording a rating is one batch of plain writes.
-- Undo takes the review out of the same periods itself (src/storage/prisma-study-store.ts).
CREATE FUNCTION "ReviewLog_count_in_periods"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "MemberPeriod" ("teamId", "period", "userId", "xp", "reviews", "correct")
    SELECT NEW."teamId", "p"."value", NEW."userId", NEW."xp", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
    FROM jsonb_array_elements_text(NEW."periods"::jsonb) AS "p"("value")
    ON CONFLICT ("teamId", "period", "userId") DO UPDATE SET
        "xp" = "MemberPeriod"."xp" + excluded."xp",
        "reviews" = "MemberPeriod"."reviews" + excluded."reviews",
        "correct" = "MemberPeriod"."correct" + excluded."correct";
    RETURN NULL;
END;
$$;

CREATE TRIGGER "ReviewLog_count_in_periods" AFTER INSERT ON "ReviewLog"
FOR EACH ROW WHEN (NEW."periods" IS NOT NULL)
EXECUTE FUNCTION "ReviewLog_count_in_periods"();
