-- Evidence a consumer marks as for the 12315 centre only: never shown to the merchant (case or upload read).
ALTER TABLE uploads ADD COLUMN centre_only boolean NOT NULL DEFAULT false;
