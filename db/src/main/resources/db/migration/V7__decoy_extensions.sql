-- Decoy extensions: numbers no phone uses. A REGISTER or INVITE naming one blocks its source.
CREATE TABLE decoy_extension (
  id      BIGINT       NOT NULL AUTO_INCREMENT,
  number  VARCHAR(16)  NOT NULL,
  note    VARCHAR(255) NULL,
  PRIMARY KEY (id),
  UNIQUE KEY uk_decoy_extension_number (number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
