-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "ListingKind" AS ENUM ('FACTORY', 'OFFICE', 'LAND');

-- CreateEnum
CREATE TYPE "FactoryType" AS ENUM ('STANDARD', 'SINGLE_STOREY', 'MULTI_STOREY');

-- CreateEnum
CREATE TYPE "Deal" AS ENUM ('SALE', 'LEASE');

-- CreateEnum
CREATE TYPE "ListingStatus" AS ENUM ('AVAILABLE', 'RESERVED', 'LEASED', 'SOLD');

-- CreateEnum
CREATE TYPE "AreaUnit" AS ENUM ('SQM', 'MU');

-- CreateEnum
CREATE TYPE "PriceUnit" AS ENUM ('YUAN_PER_SQM', 'WAN_TOTAL', 'WAN_PER_MU', 'YUAN_PER_SQM_DAY', 'YUAN_PER_SQM_MONTH');

-- CreateEnum
CREATE TYPE "NeedDeal" AS ENUM ('BUY', 'RENT');

-- CreateEnum
CREATE TYPE "MoveInTimeline" AS ENUM ('NOW', 'WITHIN_3_MONTHS', 'WITHIN_6_MONTHS', 'WITHIN_12_MONTHS', 'LATER');

-- CreateEnum
CREATE TYPE "InquiryChannel" AS ENUM ('FORM', 'API');

-- CreateEnum
CREATE TYPE "StageCategory" AS ENUM ('OPEN', 'WON', 'LOST');

-- CreateTable
CREATE TABLE "Park" (
    "id" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "city" TEXT NOT NULL,
    "cityEn" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "addressEn" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "totalAreaMu" DECIMAL(12,2),
    "operatorName" TEXT NOT NULL,
    "contactPhone" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Park_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Listing" (
    "id" TEXT NOT NULL,
    "parkId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "titleEn" TEXT NOT NULL,
    "kind" "ListingKind" NOT NULL,
    "factoryType" "FactoryType",
    "deal" "Deal" NOT NULL,
    "status" "ListingStatus" NOT NULL DEFAULT 'AVAILABLE',
    "published" BOOLEAN NOT NULL DEFAULT true,
    "address" TEXT,
    "addressEn" TEXT,
    "area" DECIMAL(12,2) NOT NULL,
    "availableArea" DECIMAL(12,2) NOT NULL,
    "areaUnit" "AreaUnit" NOT NULL,
    "areaSqm" DECIMAL(14,2) NOT NULL,
    "price" DECIMAL(14,2) NOT NULL,
    "priceUnit" "PriceUnit" NOT NULL,
    "unitPrice" DECIMAL(14,2) NOT NULL,
    "floorHeightM" DECIMAL(5,2),
    "floorLoadKgPerSqm" INTEGER,
    "powerKva" INTEGER,
    "propertyTermYears" INTEGER,
    "landUseType" TEXT,
    "landUseTypeEn" TEXT,
    "structure" TEXT,
    "structureEn" TEXT,
    "storeys" INTEGER,
    "industries" TEXT[],
    "highlights" TEXT[],
    "highlightsEn" TEXT[],
    "description" TEXT NOT NULL,
    "descriptionEn" TEXT NOT NULL,
    "availableFrom" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Listing_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ListingPhoto" (
    "id" TEXT NOT NULL,
    "listingId" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "alt" TEXT NOT NULL,
    "altEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "ListingPhoto_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Stage" (
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "category" "StageCategory" NOT NULL,

    CONSTRAINT "Stage_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "Lead" (
    "id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "company" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "wechat" TEXT,
    "email" TEXT,
    "creditCode" TEXT,
    "stageKey" TEXT NOT NULL DEFAULT 'new',
    "lastInquiryAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Lead_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Inquiry" (
    "id" TEXT NOT NULL,
    "reference" TEXT NOT NULL,
    "idempotencyKey" TEXT,
    "requestHash" TEXT NOT NULL,
    "leadId" TEXT NOT NULL,
    "listingId" TEXT,
    "listingPrice" DECIMAL(14,2),
    "listingPriceUnit" "PriceUnit",
    "listingArea" DECIMAL(12,2),
    "listingAreaUnit" "AreaUnit",
    "needDeal" "NeedDeal" NOT NULL,
    "needKind" "ListingKind" NOT NULL,
    "needArea" DECIMAL(12,2) NOT NULL,
    "needAreaUnit" "AreaUnit" NOT NULL,
    "timeline" "MoveInTimeline",
    "use" TEXT NOT NULL,
    "expectedAnnualTax" DECIMAL(16,4) NOT NULL,
    "company" TEXT NOT NULL,
    "contactName" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "wechat" TEXT,
    "email" TEXT,
    "investment" DECIMAL(16,4),
    "annualOutput" DECIMAL(16,4),
    "employees" INTEGER,
    "powerKva" INTEGER,
    "creditCode" TEXT,
    "message" TEXT,
    "consentNoticeVersion" TEXT NOT NULL,
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "channel" "InquiryChannel" NOT NULL,
    "locale" TEXT NOT NULL,
    "sourcePage" TEXT,
    "referrer" TEXT,
    "utmSource" TEXT,
    "utmMedium" TEXT,
    "utmCampaign" TEXT,
    "utmTerm" TEXT,
    "utmContent" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Inquiry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateLimitCounter_pkey" PRIMARY KEY ("key","windowStart")
);

-- CreateIndex
CREATE UNIQUE INDEX "Park_slug_key" ON "Park"("slug");

-- CreateIndex
CREATE INDEX "Listing_parkId_idx" ON "Listing"("parkId");

-- CreateIndex
CREATE INDEX "Listing_published_createdAt_idx" ON "Listing"("published", "createdAt");

-- CreateIndex
CREATE INDEX "Listing_kind_idx" ON "Listing"("kind");

-- CreateIndex
CREATE INDEX "Listing_deal_idx" ON "Listing"("deal");

-- CreateIndex
CREATE INDEX "Listing_areaSqm_idx" ON "Listing"("areaSqm");

-- CreateIndex
CREATE INDEX "Listing_unitPrice_idx" ON "Listing"("unitPrice");

-- CreateIndex
CREATE INDEX "ListingPhoto_listingId_position_idx" ON "ListingPhoto"("listingId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Lead_phone_key" ON "Lead"("phone");

-- CreateIndex
CREATE INDEX "Lead_stageKey_idx" ON "Lead"("stageKey");

-- CreateIndex
CREATE INDEX "Lead_createdAt_idx" ON "Lead"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_reference_key" ON "Inquiry"("reference");

-- CreateIndex
CREATE UNIQUE INDEX "Inquiry_idempotencyKey_key" ON "Inquiry"("idempotencyKey");

-- CreateIndex
CREATE INDEX "Inquiry_leadId_idx" ON "Inquiry"("leadId");

-- CreateIndex
CREATE INDEX "Inquiry_listingId_idx" ON "Inquiry"("listingId");

-- CreateIndex
CREATE INDEX "Inquiry_createdAt_idx" ON "Inquiry"("createdAt");

-- CreateIndex
CREATE INDEX "RateLimitCounter_windowStart_idx" ON "RateLimitCounter"("windowStart");

-- AddForeignKey
ALTER TABLE "Listing" ADD CONSTRAINT "Listing_parkId_fkey" FOREIGN KEY ("parkId") REFERENCES "Park"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ListingPhoto" ADD CONSTRAINT "ListingPhoto_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Lead" ADD CONSTRAINT "Lead_stageKey_fkey" FOREIGN KEY ("stageKey") REFERENCES "Stage"("key") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_leadId_fkey" FOREIGN KEY ("leadId") REFERENCES "Lead"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Inquiry" ADD CONSTRAINT "Inquiry_listingId_fkey" FOREIGN KEY ("listingId") REFERENCES "Listing"("id") ON DELETE SET NULL ON UPDATE CASCADE;
