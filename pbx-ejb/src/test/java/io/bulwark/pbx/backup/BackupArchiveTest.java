package io.bulwark.pbx.backup;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupArchiveTest {

  private static final Passphrase RIGHT = new Passphrase("correct horse battery staple");
  private static final int ROWS = 50_000;

  @TempDir Path dir;

  private BackupManifest manifest() {
    return new BackupManifest(
        BackupManifest.FORMAT,
        "31",
        Instant.parse("2026-12-01T10:00:00Z"),
        EnumSet.of(BackupContent.CONFIGURATION, BackupContent.CALL_RECORDS),
        Map.of("call_record", (long) ROWS, "extension", 1L),
        new byte[16],
        1000,
        new byte[SealedStream.NONCE_BYTES],
        null);
  }

  private Path write() throws IOException {
    Path file = dir.resolve("b.bwbk");
    BackupArchive.write(
        file,
        manifest(),
        RIGHT,
        out -> {
          out.writeUTF(TableCodec.HEADER);
          TableCodec.writeTable(out, "extension", List.of("id", "number", "created", "on", "blob"));
          TableCodec.writeRow(
              out,
              new Object[] {
                7L, "1001", LocalDateTime.parse("2026-11-30T09:15:00.123"), true, new byte[] {1, 2}
              });
          TableCodec.endTable(out);
          TableCodec.writeTable(out, "call_record", List.of("id", "cost", "day", "note"));
          for (long i = 0; i < ROWS; i++) {
            TableCodec.writeRow(
                out, new Object[] {i, new BigDecimal("0.05"), LocalDate.of(2026, 12, 1), null});
          }
          TableCodec.endTable(out);
          TableCodec.end(out);
        });
    return file;
  }

  @Test
  void whatIsWrittenIsReadBackValueForValue() throws IOException {
    Path file = write();

    assertTrue(BackupArchive.intact(file));
    BackupManifest head = BackupArchive.manifest(file);
    assertEquals(ROWS + 1, head.rows());
    try (DataInputStream in = BackupArchive.open(file, RIGHT)) {
      assertTrue(BackupManifest.parse(BackupArchive.readString(in)).sameAs(head));
      assertEquals(TableCodec.HEADER, in.readUTF());
      TableCodec.Table extension = TableCodec.readTable(in);
      assertEquals("extension", extension.name());
      Object[] row = TableCodec.readRow(in, 5);
      assertEquals(7L, row[0]);
      assertEquals("1001", row[1]);
      assertEquals(LocalDateTime.parse("2026-11-30T09:15:00.123"), row[2]);
      assertEquals(true, row[3]);
      assertArrayEquals(new byte[] {1, 2}, (byte[]) row[4]);
      assertNull(TableCodec.readRow(in, 5));
      TableCodec.Table calls = TableCodec.readTable(in);
      long count = 0;
      for (Object[] r = TableCodec.readRow(in, 4); r != null; r = TableCodec.readRow(in, 4)) {
        assertEquals(count++, r[0]);
        assertEquals(new BigDecimal("0.05"), r[1]);
      }
      assertEquals(ROWS, count);
      assertEquals("call_record", calls.name());
      assertNull(TableCodec.readTable(in));
    }
  }

  @Test
  void theWrongPassphraseIsNamedAsSuch() throws IOException {
    Path file = write();

    IOException refused =
        assertThrows(
            IOException.class,
            () -> BackupArchive.open(file, new Passphrase("wrong horse battery staple")).read());

    assertEquals("The passphrase is not the one this backup was made with", refused.getMessage());
  }

  @Test
  void aFlippedByteFailsTheChecksumAndTheSeal() throws IOException {
    Path file = write();
    long middle = Files.size(file) / 2;
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.seek(middle);
      int b = raw.read();
      raw.seek(middle);
      raw.write(b ^ 0x01);
    }

    assertFalse(BackupArchive.intact(file));
    IOException refused =
        assertThrows(
            IOException.class,
            () -> {
              try (DataInputStream in = BackupArchive.open(file, RIGHT)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            });
    assertEquals("The backup was changed after it was made", refused.getMessage());
  }

  @Test
  void aBackupCutShortIsRefused() throws IOException {
    Path file = write();
    try (RandomAccessFile raw = new RandomAccessFile(file.toFile(), "rw")) {
      raw.setLength(raw.length() - 100);
    }

    IOException refused =
        assertThrows(
            IOException.class,
            () -> {
              try (DataInputStream in = BackupArchive.open(file, RIGHT)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
              }
            });
    assertTrue(refused.getMessage().contains("cut short"), refused.getMessage());
  }

  @Test
  void aFileThatIsNotABackupIsSaidToBeNotOne() throws IOException {
    Path file = Files.writeString(dir.resolve("x.bwbk"), "hello");

    assertEquals(
        "it is not a Bulwark backup",
        assertThrows(IOException.class, () -> BackupArchive.manifest(file)).getMessage());
  }

  @Test
  void tablesAreSortedIntoContents() {
    assertEquals(BackupContent.CALL_RECORDS, BackupContent.of("call_record").orElseThrow());
    assertEquals(BackupContent.EVENT_LOGS, BackupContent.of("audit_log").orElseThrow());
    assertEquals(BackupContent.CONFIGURATION, BackupContent.of("extension").orElseThrow());
    assertTrue(BackupContent.of("flyway_schema_history").isEmpty());
    assertTrue(BackupContent.of("registration_binding").isEmpty());
  }

  @Test
  void aShortPassphraseIsRefused() {
    assertEquals("passphrase", Passphrase.violation("short").orElseThrow().field());
    assertTrue(Passphrase.violation("twelve chars").isEmpty());
  }
}
