-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "adminIds" TEXT NOT NULL DEFAULT '[]',
ADD COLUMN     "channelId" TEXT,
ADD COLUMN     "locale" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "milestones" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "nextQotdAt" TIMESTAMP(3),
ADD COLUMN     "nextRecapAt" TIMESTAMP(3),
ADD COLUMN     "qotdMinute" INTEGER,
ADD COLUMN     "recapEnabled" BOOLEAN NOT NULL DEFAULT true;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "bestStreak" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "hidden" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "lastReviewAt" TIMESTAMP(3),
ADD COLUMN     "nextReminderAt" TIMESTAMP(3),
ADD COLUMN     "nextReminderDay" TEXT,
ADD COLUMN     "nextReminderSlot" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "pendingNotice" TEXT,
ADD COLUMN     "remindMinute" INTEGER,
ADD COLUMN     "remindTeamId" TEXT,
ADD COLUMN     "remindWhen" TEXT NOT NULL DEFAULT 'due',
ADD COLUMN     "remindersPaused" TEXT,
ADD COLUMN     "streakDays" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "streakLastDay" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "vacationFrom" TEXT,
ADD COLUMN     "vacationTo" TEXT,
ADD COLUMN     "vacationUntil" TIMESTAMP(3),
ADD COLUMN     "xpToday" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "userBefore" TEXT,
ADD COLUMN     "xp" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "MemberPeriod" (
    "teamId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "xp" INTEGER NOT NULL DEFAULT 0,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "correct" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "MemberPeriod_pkey" PRIMARY KEY ("teamId","period","userId")
);

-- CreateTable
CREATE TABLE "ReminderDelivery" (
    "userId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "slot" INTEGER NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "sentAt" TIMESTAMP(3),
    "outcome" TEXT,

    CONSTRAINT "ReminderDelivery_pkey" PRIMARY KEY ("userId","day","slot")
);

-- CreateTable
CREATE TABLE "QuestionOfDay" (
    "id" TEXT NOT NULL,
    "teamId" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "messageRef" TEXT,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "postedAt" TIMESTAMP(3),
    "closesAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "QuestionOfDay_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "QotdAnswer" (
    "qotdId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "QotdAnswer_pkey" PRIMARY KEY ("qotdId","userId")
);

-- CreateTable
CREATE TABLE "TeamPost" (
    "teamId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "leaseUntil" TIMESTAMP(3) NOT NULL,
    "claimedBy" TEXT,
    "postedAt" TIMESTAMP(3),
    "payload" TEXT,

    CONSTRAINT "TeamPost_pkey" PRIMARY KEY ("teamId","kind","key")
);

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

-- CreateIndex
CREATE INDEX "Team_nextQotdAt_idx" ON "Team"("nextQotdAt");

-- CreateIndex
CREATE INDEX "Team_nextRecapAt_idx" ON "Team"("nextRecapAt");

-- CreateIndex
CREATE INDEX "User_nextReminderAt_idx" ON "User"("nextReminderAt");

-- AddForeignKey
ALTER TABLE "MemberPeriod" ADD CONSTRAINT "MemberPeriod_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MemberPeriod" ADD CONSTRAINT "MemberPeriod_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReminderDelivery" ADD CONSTRAINT "ReminderDelivery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QotdAnswer" ADD CONSTRAINT "QotdAnswer_qotdId_fkey" FOREIGN KEY ("qotdId") REFERENCES "QuestionOfDay"("id") ON DELETE CASCADE ON UPDATE CASCADE;

