-- AlterTable
ALTER TABLE "User" ADD COLUMN     "dmTeamId" TEXT;

