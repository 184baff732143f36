-- CreateTable
CREATE TABLE "GameRound" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "teamId" TEXT NOT NULL,
    "channelId" TEXT NOT NULL,
    "activeChannelKey" TEXT,
    "starterId" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "topic" TEXT,
    "mode" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "seconds" INTEGER NOT NULL,
    "itemIds" TEXT NOT NULL,
    "position" INTEGER NOT NULL DEFAULT 0,
    "phase" TEXT NOT NULL DEFAULT 'post',
    "deadline" DATETIME,
    "openedAt" DATETIME,
    "messageRefs" TEXT NOT NULL DEFAULT '[]',
    "shownAnswers" INTEGER NOT NULL DEFAULT 0,
    "shownAt" DATETIME,
    "answered" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedBy" TEXT,
    "leaseUntil" DATETIME,
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME
);

-- CreateTable
CREATE TABLE "GameAnswer" (
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "answeredAt" DATETIME NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,

    PRIMARY KEY ("roundId", "position", "userId"),
    CONSTRAINT "GameAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "GameRound" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "GameRound_activeChannelKey_key" ON "GameRound"("activeChannelKey");

-- CreateIndex
CREATE INDEX "GameRound_phase_idx" ON "GameRound"("phase");

-- CreateIndex
CREATE INDEX "GameAnswer_userId_idx" ON "GameAnswer"("userId");
