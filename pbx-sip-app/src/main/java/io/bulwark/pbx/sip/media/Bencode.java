package io.bulwark.pbx.sip.media;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Bencode as the NG protocol uses it: byte strings, integers, lists and dictionaries.
 *
 * <p>Encoding takes {@code byte[]} or {@link String} (written as UTF-8), {@link Integer} or {@link
 * Long}, {@link List} and {@link Map} with {@link String} keys, and writes dictionary keys sorted
 * by their bytes as the format requires. Decoding gives {@code byte[]}, {@link Long}, an
 * unmodifiable {@link List} and an unmodifiable {@link Map} with {@link String} keys in the order
 * they came (rtpengine does not sort its own). It accepts only the canonical form of each value and
 * nothing after the top-level one, so one message has one reading.
 */
public final class Bencode {

  /** The largest UDP payload, and so the largest message the NG protocol can carry. */
  public static final int MAX_INPUT = 65_507;

  /** Deeper than rtpengine ever answers (a query is about eight levels deep). */
  public static final int MAX_DEPTH = 32;

  private Bencode() {}

  /** The bencoding of {@code value}; {@link IllegalArgumentException} for anything else. */
  public static byte[] encode(Object value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encode(value, out, 0);
    return out.toByteArray();
  }

  /**
   * The value {@code input} encodes.
   *
   * @throws MalformedBencodeException when it is not exactly one canonical value, or exceeds {@link
   *     #MAX_INPUT} bytes or {@link #MAX_DEPTH} levels
   */
  public static Object decode(byte[] input) {
    return decode(input, 0, input.length);
  }

  /** The value the {@code length} bytes of {@code input} from {@code offset} encode. */
  public static Object decode(byte[] input, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, input.length);
    if (length > MAX_INPUT) {
      throw new MalformedBencodeException("longer than " + MAX_INPUT + " bytes");
    }
    Reader reader = new Reader(input, offset, offset + length);
    Object value = reader.value(0);
    if (reader.position != reader.end) {
      throw new MalformedBencodeException("data after the value");
    }
    return value;
  }

  private static void encode(Object value, ByteArrayOutputStream out, int depth) {
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException("nested deeper than " + MAX_DEPTH + " levels");
    }
    if (value instanceof byte[] bytes) {
      writeString(bytes, out);
    } else if (value instanceof String text) {
      writeString(text.getBytes(StandardCharsets.UTF_8), out);
    } else if (value instanceof Integer || value instanceof Long) {
      writeAscii("i" + value + "e", out);
    } else if (value instanceof List<?> list) {
      out.write('l');
      list.forEach(element -> encode(element, out, depth + 1));
      out.write('e');
    } else if (value instanceof Map<?, ?> map) {
      writeDictionary(map, out, depth);
    } else {
      throw new IllegalArgumentException(
          "bencode has no form for " + (value == null ? "null" : value.getClass().getName()));
    }
  }

  private static void writeDictionary(Map<?, ?> map, ByteArrayOutputStream out, int depth) {
    List<Map.Entry<byte[], Object>> entries = new ArrayList<>(map.size());
    for (Map.Entry<?, ?> entry : map.entrySet()) {
      if (!(entry.getKey() instanceof String key)) {
        throw new IllegalArgumentException("bencode dictionary keys are strings");
      }
      entries.add(Map.entry(key.getBytes(StandardCharsets.UTF_8), entry.getValue()));
    }
    entries.sort((a, b) -> Arrays.compareUnsigned(a.getKey(), b.getKey()));
    out.write('d');
    for (Map.Entry<byte[], Object> entry : entries) {
      writeString(entry.getKey(), out);
      encode(entry.getValue(), out, depth + 1);
    }
    out.write('e');
  }

  private static void writeString(byte[] bytes, ByteArrayOutputStream out) {
    writeAscii(bytes.length + ":", out);
    out.writeBytes(bytes);
  }

  private static void writeAscii(String text, ByteArrayOutputStream out) {
    out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
  }

  private static final class Reader {

    // Long.MAX_VALUE has 19 digits; a length never needs more than MAX_INPUT's 5.
    private static final int MAX_INTEGER_DIGITS = 19;
    private static final int MAX_LENGTH_DIGITS = 5;

    private final byte[] input;
    private final int end;
    private int position;

    Reader(byte[] input, int offset, int end) {
      this.input = input;
      this.position = offset;
      this.end = end;
    }

    Object value(int depth) {
      if (depth >= MAX_DEPTH) {
        throw new MalformedBencodeException("nested deeper than " + MAX_DEPTH + " levels");
      }
      byte type = peek();
      if (type == 'i') {
        position++;
        return integer();
      }
      if (type == 'l') {
        position++;
        return list(depth);
      }
      if (type == 'd') {
        position++;
        return dictionary(depth);
      }
      if (type >= '0' && type <= '9') {
        return string();
      }
      throw new MalformedBencodeException("a value begins with an unknown type");
    }

    private Long integer() {
      boolean negative = peek() == '-';
      if (negative) {
        position++;
      }
      long magnitude = digits(MAX_INTEGER_DIGITS, "an integer");
      if (negative && magnitude == 0) {
        throw new MalformedBencodeException("negative zero");
      }
      expect('e', "an integer does not end with 'e'");
      return negative ? -magnitude : magnitude;
    }

    private byte[] string() {
      long length = digits(MAX_LENGTH_DIGITS, "a string length");
      expect(':', "a string length does not end with ':'");
      if (length > end - position) {
        throw new MalformedBencodeException("a string is longer than the input");
      }
      byte[] bytes = Arrays.copyOfRange(input, position, position + (int) length);
      position += (int) length;
      return bytes;
    }

    private List<Object> list(int depth) {
      List<Object> list = new ArrayList<>();
      while (peek() != 'e') {
        list.add(value(depth + 1));
      }
      position++;
      return Collections.unmodifiableList(list);
    }

    private Map<String, Object> dictionary(int depth) {
      Map<String, Object> map = new LinkedHashMap<>();
      while (peek() != 'e') {
        if (peek() < '0' || peek() > '9') {
          throw new MalformedBencodeException("a dictionary key is not a string");
        }
        String key = text(string());
        if (map.put(key, value(depth + 1)) != null) {
          throw new MalformedBencodeException("a dictionary key appears twice");
        }
      }
      position++;
      return Collections.unmodifiableMap(map);
    }

    /** Decimal digits without a needless leading zero, at most {@code limit} of them. */
    private long digits(int limit, String what) {
      int start = position;
      long value = 0;
      while (position < end && input[position] >= '0' && input[position] <= '9') {
        if (position - start == limit) {
          throw new MalformedBencodeException(what + " has too many digits");
        }
        value = value * 10 + (input[position] - '0');
        position++;
      }
      int count = position - start;
      if (count == 0) {
        throw new MalformedBencodeException(what + " has no digits");
      }
      if (count > 1 && input[start] == '0') {
        throw new MalformedBencodeException(what + " has a leading zero");
      }
      if (value < 0) {
        throw new MalformedBencodeException(what + " is too large");
      }
      return value;
    }

    private static String text(byte[] bytes) {
      try {
        return StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes))
            .toString();
      } catch (CharacterCodingException e) {
        throw new MalformedBencodeException("a dictionary key is not UTF-8");
      }
    }

    private byte peek() {
      if (position >= end) {
        throw new MalformedBencodeException("the input ends inside a value");
      }
      return input[position];
    }

    private void expect(char wanted, String rule) {
      if (peek() != wanted) {
        throw new MalformedBencodeException(rule);
      }
      position++;
    }
  }
}
