-- AlterTable
ALTER TABLE "Team" ADD COLUMN "fsrsParameters" TEXT;
ALTER TABLE "Team" ADD COLUMN "fsrsReviews" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Team" ADD COLUMN "fsrsMembers" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Team" ADD COLUMN "fsrsFittedAt" DATETIME;
ALTER TABLE "Team" ADD COLUMN "fsrsLogLoss" REAL;

-- AlterTable
ALTER TABLE "User" ADD COLUMN "fsrsTeamId" TEXT;

-- CreateTable
CREATE TABLE "TeamParameterFit" (
    "teamId" TEXT NOT NULL PRIMARY KEY,
    "attemptedAt" DATETIME,
    "attemptReviews" INTEGER NOT NULL DEFAULT 0,
    "attemptMembers" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "fitLogLoss" REAL,
    "currentLogLoss" REAL,
    "requestedAt" DATETIME,
    "requestedBy" TEXT,
    "claimedUntil" DATETIME,
    CONSTRAINT "TeamParameterFit_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TeamParameterFit_requestedBy_fkey" FOREIGN KEY ("requestedBy") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "TeamParameterFit_requestedAt_idx" ON "TeamParameterFit"("requestedAt");

-- CreateIndex
CREATE INDEX "TeamParameterFit_requestedBy_idx" ON "TeamParameterFit"("requestedBy");
