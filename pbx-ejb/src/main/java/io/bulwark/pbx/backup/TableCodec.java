package io.bulwark.pbx.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * The rows of tables as a stream: per table its name and columns, then its rows, each value with a
 * tag saying its type, so that it goes back into the database as the same value it came out as.
 */
final class TableCodec {

  static final String HEADER = "BULWARK-TABLES-1";

  private static final int NULL = 0;
  private static final int INTEGER = 1;
  private static final int TEXT = 2;
  private static final int BYTES = 3;
  private static final int DECIMAL = 4;
  private static final int DOUBLE = 5;
  private static final int TIMESTAMP = 6;
  private static final int DATE = 7;
  private static final int TIME = 8;
  private static final int BOOLEAN = 9;

  private TableCodec() {}

  static void writeTable(DataOutputStream out, String table, List<String> columns)
      throws IOException {
    out.writeBoolean(true);
    out.writeUTF(table);
    out.writeInt(columns.size());
    for (String column : columns) {
      out.writeUTF(column);
    }
  }

  static void writeRow(DataOutputStream out, Object[] values) throws IOException {
    out.writeByte(1);
    for (Object value : values) {
      writeValue(out, value);
    }
  }

  static void endTable(DataOutputStream out) throws IOException {
    out.writeByte(0);
  }

  static void end(DataOutputStream out) throws IOException {
    out.writeBoolean(false);
  }

  /** The next table's name and columns, or {@code null} after the last. */
  static Table readTable(DataInputStream in) throws IOException {
    if (!in.readBoolean()) {
      return null;
    }
    String name = in.readUTF();
    int count = in.readInt();
    if (count < 1 || count > 1000) {
      throw new IOException("damaged table header");
    }
    String[] columns = new String[count];
    for (int i = 0; i < count; i++) {
      columns[i] = in.readUTF();
    }
    return new Table(name, List.of(columns));
  }

  /** The next row of a table with {@code columns} values, or {@code null} after its last. */
  static Object[] readRow(DataInputStream in, int columns) throws IOException {
    int marker = in.readByte();
    if (marker == 0) {
      return null;
    }
    if (marker != 1) {
      throw new IOException("damaged row");
    }
    Object[] values = new Object[columns];
    for (int i = 0; i < columns; i++) {
      values[i] = readValue(in);
    }
    return values;
  }

  record Table(String name, List<String> columns) {}

  private static void writeValue(DataOutputStream out, Object value) throws IOException {
    if (value == null) {
      out.writeByte(NULL);
    } else if (value instanceof Boolean b) {
      out.writeByte(BOOLEAN);
      out.writeBoolean(b);
    } else if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      out.writeByte(INTEGER);
      out.writeLong(((Number) value).longValue());
    } else if (value instanceof BigInteger b) {
      text(out, DECIMAL, b.toString());
    } else if (value instanceof BigDecimal d) {
      text(out, DECIMAL, d.toPlainString());
    } else if (value instanceof Double || value instanceof Float) {
      out.writeByte(DOUBLE);
      out.writeDouble(((Number) value).doubleValue());
    } else if (value instanceof String s) {
      text(out, TEXT, s);
    } else if (value instanceof byte[] bytes) {
      out.writeByte(BYTES);
      out.writeInt(bytes.length);
      out.write(bytes);
    } else if (value instanceof Timestamp t) {
      text(out, TIMESTAMP, t.toLocalDateTime().toString());
    } else if (value instanceof LocalDateTime || value instanceof java.time.OffsetDateTime) {
      text(out, TIMESTAMP, localDateTime(value).toString());
    } else if (value instanceof java.sql.Date d) {
      text(out, DATE, d.toLocalDate().toString());
    } else if (value instanceof LocalDate d) {
      text(out, DATE, d.toString());
    } else if (value instanceof Time t) {
      text(out, TIME, t.toLocalTime().toString());
    } else if (value instanceof LocalTime t) {
      text(out, TIME, t.toString());
    } else {
      throw new IOException(
          "a column of type " + value.getClass().getSimpleName() + " cannot be backed up");
    }
  }

  private static LocalDateTime localDateTime(Object value) {
    return value instanceof java.time.OffsetDateTime o
        ? o.toLocalDateTime()
        : (LocalDateTime) value;
  }

  private static void text(DataOutputStream out, int tag, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeByte(tag);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static Object readValue(DataInputStream in) throws IOException {
    int tag = in.readByte();
    return switch (tag) {
      case NULL -> null;
      case BOOLEAN -> in.readBoolean();
      case INTEGER -> in.readLong();
      case DOUBLE -> in.readDouble();
      case TEXT -> readText(in);
      case DECIMAL -> new BigDecimal(readText(in));
      case BYTES -> readBytes(in);
      case TIMESTAMP -> LocalDateTime.parse(readText(in));
      case DATE -> LocalDate.parse(readText(in));
      case TIME -> LocalTime.parse(readText(in));
      default -> throw new IOException("damaged value");
    };
  }

  private static String readText(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > 64 * 1024 * 1024) {
      throw new IOException("damaged value");
    }
    byte[] bytes = in.readNBytes(length);
    if (bytes.length != length) {
      throw new IOException("damaged value");
    }
    return bytes;
  }
}
