-- AlterTable
ALTER TABLE "organizations" ADD COLUMN     "committee" TEXT,
ADD COLUMN     "place" TEXT,
ADD COLUMN     "superior" TEXT;

