-- CreateTable
CREATE TABLE "GameRound" (
    "id" TEXT NOT NULL,
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
    "deadline" TIMESTAMP(3),
    "openedAt" TIMESTAMP(3),
    "messageRefs" TEXT NOT NULL DEFAULT '[]',
    "shownAnswers" INTEGER NOT NULL DEFAULT 0,
    "shownAt" TIMESTAMP(3),
    "answered" INTEGER NOT NULL DEFAULT 0,
    "status" TEXT NOT NULL DEFAULT 'running',
    "claimedBy" TEXT,
    "leaseUntil" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "GameRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GameAnswer" (
    "roundId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "userId" TEXT NOT NULL,
    "choice" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "correct" BOOLEAN NOT NULL,
    "points" INTEGER NOT NULL,

    CONSTRAINT "GameAnswer_pkey" PRIMARY KEY ("roundId","position","userId")
);

-- CreateIndex
CREATE UNIQUE INDEX "GameRound_activeChannelKey_key" ON "GameRound"("activeChannelKey");

-- CreateIndex
CREATE INDEX "GameRound_phase_idx" ON "GameRound"("phase");

-- CreateIndex
CREATE INDEX "GameAnswer_userId_idx" ON "GameAnswer"("userId");

-- AddForeignKey
ALTER TABLE "GameAnswer" ADD CONSTRAINT "GameAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "GameRound"("id") ON DELETE CASCADE ON UPDATE CASCADE;
