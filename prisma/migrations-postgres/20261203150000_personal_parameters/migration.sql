-- AlterTable
ALTER TABLE "User" ADD COLUMN     "fsrsParameters" TEXT,
ADD COLUMN     "fsrsSource" TEXT,
ADD COLUMN     "fsrsReviews" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "fsrsFittedAt" TIMESTAMP(3),
ADD COLUMN     "fsrsLogLoss" DOUBLE PRECISION;

-- CreateTable
CREATE TABLE "ParameterFit" (
    "userId" TEXT NOT NULL,
    "attemptedAt" TIMESTAMP(3),
    "attemptReviews" INTEGER NOT NULL DEFAULT 0,
    "outcome" TEXT,
    "fitLogLoss" DOUBLE PRECISION,
    "currentLogLoss" DOUBLE PRECISION,
    "requestedAt" TIMESTAMP(3),
    "checkedAt" TIMESTAMP(3),
    "claimedUntil" TIMESTAMP(3),

    CONSTRAINT "ParameterFit_pkey" PRIMARY KEY ("userId")
);

-- CreateIndex
CREATE INDEX "ParameterFit_requestedAt_idx" ON "ParameterFit"("requestedAt");

-- AddForeignKey
ALTER TABLE "ParameterFit" ADD CONSTRAINT "ParameterFit_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
