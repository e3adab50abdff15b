-- AlterEnum
ALTER TYPE "ProblemVisibility" ADD VALUE 'contest';
