-- CreateTable
CREATE TABLE "MemberPeriod" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("teamId", "period", "userId"),
    CONSTRAINT "MemberPeriod_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "MemberPeriod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" DATETIME,
    "outcome" TEXT,

    PRIMARY KEY ("userId", "day", "slot"),
    CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "QuestionOfDay" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageRef" TEXT,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "postedAt" DATETIME,
    "closesAt" DATETIME NOT NULL,
    "closedAt" DATETIME
);

-- CreateTable
CREATE TABLE "QotdAnswer" (
    "qotdId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answeredAt" DATETIME NOT NULL,

    PRIMARY KEY ("qotdId", "userId"),
    CONSTRAINT "QotdAnswer_qotdId_fkey" FOREIGN KEY ("qotdId") REFERENCES "QuestionOfDay" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TeamPost" (
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "claimedAt" DATETIME NOT NULL,
    "leaseUntil" DATETIME NOT NULL,
    "claimedBy" TEXT,
    "postedAt" DATETIME,
    "payload" TEXT,

    PRIMARY KEY ("teamId", "kind", "key")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Team" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "locale" TEXT NOT NULL DEFAULT 'en',
    "channelId" TEXT,
    "qotdMinute" INTEGER,
    "nextQotdAt" DATETIME,
    "recapEnabled" BOOLEAN NOT NULL DEFAULT true,
    "nextRecapAt" DATETIME,
    "milestones" BOOLEAN NOT NULL DEFAULT false,
    "adminIds" TEXT NOT NULL DEFAULT '[]',
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_Team" ("createdAt", "id", "timeZone") SELECT "createdAt", "id", "timeZone" FROM "Team";
DROP TABLE "Team";
ALTER TABLE "new_Team" RENAME TO "Team";
CREATE INDEX "Team_nextQotdAt_idx" ON "Team"("nextQotdAt");
CREATE INDEX "Team_nextRecapAt_idx" ON "Team"("nextRecapAt");
CREATE TABLE "new_User" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "locale" TEXT,
    "clientLocale" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'UTC',
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "newPerDay" INTEGER NOT NULL DEFAULT 20,
    "reviewsPerDay" INTEGER NOT NULL DEFAULT 200,
    "counterDay" TEXT NOT NULL DEFAULT '',
    "newToday" INTEGER NOT NULL DEFAULT 0,
    "reviewsToday" INTEGER NOT NULL DEFAULT 0,
    "dmTeamId" TEXT,
    "hidden" BOOLEAN NOT NULL DEFAULT false,
    "xpToday" INTEGER NOT NULL DEFAULT 0,
    "lastReviewAt" DATETIME,
    "streakDays" INTEGER NOT NULL DEFAULT 0,
    "streakLastDay" TEXT NOT NULL DEFAULT '',
    "bestStreak" INTEGER NOT NULL DEFAULT 0,
    "remindMinute" INTEGER,
    "remindWhen" TEXT NOT NULL DEFAULT 'due',
    "remindTeamId" TEXT,
    "nextReminderAt" DATETIME,
    "nextReminderDay" TEXT,
    "nextReminderSlot" INTEGER NOT NULL DEFAULT 0,
    "remindersPaused" TEXT,
    "pendingNotice" TEXT,
    "vacationUntil" DATETIME,
    "vacationFrom" TEXT,
    "vacationTo" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_User" ("clientLocale", "counterDay", "createdAt", "desiredRetention", "dmTeamId", "id", "locale", "newPerDay", "newToday", "reviewsPerDay", "reviewsToday", "timeZone") SELECT "clientLocale", "counterDay", "createdAt", "desiredRetention", "dmTeamId", "id", "locale", "newPerDay", "newToday", "reviewsPerDay", "reviewsToday", "timeZone" FROM "User";
DROP TABLE "User";
ALTER TABLE "new_User" RENAME TO "User";
CREATE INDEX "User_nextReminderAt_idx" ON "User"("nextReminderAt");
CREATE TABLE "new_ReviewLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "userId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "rating" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "studyDay" TEXT NOT NULL,
    "stateBefore" INTEGER NOT NULL,
    "before" TEXT,
    "after" TEXT NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "userBefore" TEXT,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("after", "before", "id", "itemId", "rating", "reviewedAt", "source", "stateBefore", "studyDay", "teamId", "userId", "version") SELECT "after", "before", "id", "itemId", "rating", "reviewedAt", "source", "stateBefore", "studyDay", "teamId", "userId", "version" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_reviewedAt_idx" ON "ReviewLog"("userId", "reviewedAt");
CREATE INDEX "ReviewLog_teamId_reviewedAt_idx" ON "ReviewLog"("teamId", "reviewedAt");
CREATE UNIQUE INDEX "ReviewLog_userId_itemId_version_key" ON "ReviewLog"("userId", "itemId", "version");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "MemberPeriod_teamId_period_xp_idx" ON "MemberPeriod"("teamId", "period", "xp");

-- CreateIndex
CREATE INDEX "MemberPeriod_teamId_period_reviews_idx" ON "MemberPeriod"("teamId", "period", "reviews");

-- CreateIndex
CREATE INDEX "MemberPeriod_userId_idx" ON "MemberPeriod"("userId");

-- CreateIndex
CREATE INDEX "ReminderDelivery_sentAt_leaseUntil_idx" ON "ReminderDelivery"("sentAt", "leaseUntil");

-- CreateIndex
CREATE INDEX "QuestionOfDay_closedAt_closesAt_idx" ON "QuestionOfDay"("closedAt", "closesAt");

-- CreateIndex
CREATE UNIQUE INDEX "QuestionOfDay_teamId_day_key" ON "QuestionOfDay"("teamId", "day");

-- CreateIndex
CREATE INDEX "QotdAnswer_userId_idx" ON "QotdAnswer"("userId");

-- CreateIndex
CREATE INDEX "TeamPost_postedAt_leaseUntil_idx" ON "TeamPost"("postedAt", "leaseUntil");

