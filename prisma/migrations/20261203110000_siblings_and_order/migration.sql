-- AlterTable
ALTER TABLE "Item" ADD COLUMN "siblingGroup" TEXT;
ALTER TABLE "Item" ADD COLUMN "mixRank" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Item" ADD COLUMN "shuffleKey" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "ItemRequirement" (
    "itemId" TEXT NOT NULL,
    "requiredId" TEXT NOT NULL,

    PRIMARY KEY ("itemId", "requiredId"),
    CONSTRAINT "ItemRequirement_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Item_siblingGroup_idx" ON "Item"("siblingGroup");

-- CreateIndex
CREATE INDEX "Item_retiredAt_mixRank_idx" ON "Item"("retiredAt", "mixRank");
