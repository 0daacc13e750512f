-- CreateTable
CREATE TABLE "web_sign_in_links" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "web_sign_in_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "web_sessions" (
    "id" SERIAL NOT NULL,
    "personId" INTEGER NOT NULL,
    "idHash" TEXT NOT NULL,
    "csrfToken" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastSeenAt" TIMESTAMP(3) NOT NULL,
    "endedAt" TIMESTAMP(3),

    CONSTRAINT "web_sessions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "web_sign_in_links_tokenHash_key" ON "web_sign_in_links"("tokenHash");

-- CreateIndex
CREATE INDEX "web_sign_in_links_personId_idx" ON "web_sign_in_links"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "web_sessions_idHash_key" ON "web_sessions"("idHash");

-- CreateIndex
CREATE INDEX "web_sessions_personId_idx" ON "web_sessions"("personId");

-- AddForeignKey
ALTER TABLE "web_sign_in_links" ADD CONSTRAINT "web_sign_in_links_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "web_sessions" ADD CONSTRAINT "web_sessions_personId_fkey" FOREIGN KEY ("personId") REFERENCES "people"("id") ON DELETE CASCADE ON UPDATE CASCADE;

