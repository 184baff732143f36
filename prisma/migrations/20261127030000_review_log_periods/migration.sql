-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "periods" TEXT;

-- A new review adds its XP, one review and, when it was not "again", one correct answer to each
-- leaderboard period it names, creating the member's row for a period on its first review there.
-- Done here rather than by the application so that recording a rating is one batch of plain writes.
-- Undo takes the review out of the same periods itself (src/storage/prisma-study-store.ts).
CREATE TRIGGER "ReviewLog_count_in_periods" AFTER INSERT ON "ReviewLog"
WHEN NEW."periods" IS NOT NULL
BEGIN
    INSERT INTO "MemberPeriod" ("teamId", "period", "userId", "xp", "reviews", "correct")
    SELECT NEW."teamId", "p"."value", NEW."userId", NEW."xp", 1, CASE WHEN NEW."rating" > 1 THEN 1 ELSE 0 END
    FROM json_each(NEW."periods") AS "p"
    WHERE true
    ON CONFLICT ("teamId", "period", "userId") DO UPDATE SET
        "xp" = "xp" + excluded."xp",
        "reviews" = "reviews" + excluded."reviews",
        "correct" = "correct" + excluded."correct";
END;
