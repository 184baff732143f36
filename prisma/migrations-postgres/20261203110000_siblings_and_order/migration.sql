-- AlterTable
ALTER TABLE "Item" ADD COLUMN     "mixRank" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "shuffleKey" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "siblingGroup" TEXT;

-- CreateTable
CREATE TABLE "ItemRequirement" (
    "itemId" TEXT NOT NULL,
    "requiredId" TEXT NOT NULL,

    CONSTRAINT "ItemRequirement_pkey" PRIMARY KEY ("itemId","requiredId")
);

-- CreateIndex
CREATE INDEX "Item_siblingGroup_idx" ON "Item"("siblingGroup");

-- AddForeignKey
ALTER TABLE "ItemRequirement" ADD CONSTRAINT "ItemRequirement_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "Item"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- CreateIndex
CREATE INDEX "Item_retiredAt_mixRank_idx" ON "Item"("retiredAt", "mixRank");
