-- AlterTable
ALTER TABLE "User" ADD COLUMN     "images" BOOLEAN NOT NULL DEFAULT true;
