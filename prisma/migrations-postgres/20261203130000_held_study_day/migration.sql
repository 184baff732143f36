-- AlterTable
ALTER TABLE "User" ADD COLUMN     "heldDay" TEXT,
ADD COLUMN     "heldDayFrom" TIMESTAMP(3),
ADD COLUMN     "heldDayUntil" TIMESTAMP(3);

