-- AlterTable
ALTER TABLE "User" ADD COLUMN "fsrsParameters" TEXT;
ALTER TABLE "User" ADD COLUMN "fsrsSource" TEXT;
ALTER TABLE "User" ADD COLUMN "fsrsReviews" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "User" ADD COLUMN "fsrsFittedAt" DATETIME;
ALTER TABLE "User" ADD COLUMN "fsrsLogLoss" REAL;

-- CreateTable
CREATE TABLE "ParameterFit" (
    "userId" TEXT NOT NULL PRIMARY KEY,
    "attemptedAt" DATETIME,
    "attemptReviews" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "fitLogLoss" REAL,
    "currentLogLoss" REAL,
    "requestedAt" DATETIME,
    "checkedAt" DATETIME,
    "claimedUntil" DATETIME,
    CONSTRAINT "ParameterFit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "ParameterFit_requestedAt_idx" ON "ParameterFit"("requestedAt");
