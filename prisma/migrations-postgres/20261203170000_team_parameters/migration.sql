-- AlterTable
ALTER TABLE "Team" ADD COLUMN     "fsrsParameters" TEXT,
ADD COLUMN     "fsrsReviews" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fsrsMembers" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fsrsFittedAt" TIMESTAMP(3),
ADD COLUMN     "fsrsLogLoss" DOUBLE PRECISION;

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "fsrsTeamId" TEXT;

-- CreateTable
CREATE TABLE "TeamParameterFit" (
    "teamId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3),
    "attemptReviews" INTEGER NOT NULL DEFAULT 0,
    "attemptMembers" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "fitLogLoss" DOUBLE PRECISION,
    "currentLogLoss" DOUBLE PRECISION,
    "requestedAt" TIMESTAMP(3),
    "requestedBy" TEXT,
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "TeamParameterFit_pkey" PRIMARY KEY ("teamId")
);

-- CreateIndex
CREATE INDEX "TeamParameterFit_requestedAt_idx" ON "TeamParameterFit"("requestedAt");

-- CreateIndex
CREATE INDEX "TeamParameterFit_requestedBy_idx" ON "TeamParameterFit"("requestedBy");

-- AddForeignKey
ALTER TABLE "TeamParameterFit" ADD CONSTRAINT "TeamParameterFit_teamId_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeamParameterFit" ADD CONSTRAINT "TeamParameterFit_requestedBy_fkey" FOREIGN KEY ("requestedBy") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
