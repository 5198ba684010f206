package io.bulwark.pbx.sip.media;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BencodeTest {

  private static String encode(Object value) {
    return new String(Bencode.encode(value), UTF_8);
  }

  private static Object decode(String text) {
    return Bencode.decode(text.getBytes(UTF_8));
  }

  @Test
  void encodesEachType() {
    assertEquals("4:spam", encode("spam"));
    assertEquals("0:", encode(""));
    assertEquals("3:\u00e9a", encode("\u00e9a"), "the length counts UTF-8 bytes");
    assertEquals("3:\0\1\2", encode(new byte[] {0, 1, 2}));
    assertEquals("i42e", encode(42));
    assertEquals("i-7e", encode(-7L));
    assertEquals("i0e", encode(0));
    assertEquals("l4:spami1ee", encode(List.of("spam", 1)));
    assertEquals("le", encode(List.of()));
    assertEquals("de", encode(Map.of()));
  }

  @Test
  void sortsDictionaryKeysByTheirBytes() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("sdp", "v=0");
    map.put("call-id", "a");
    map.put("Z", 1);
    map.put("command", "offer");
    assertEquals("d1:Zi1e7:call-id1:a7:command5:offer3:sdp3:v=0e", encode(map));
  }

  @Test
  void refusesWhatBencodeCannotSay() {
    assertThrows(IllegalArgumentException.class, () -> Bencode.encode(1.5));
    assertThrows(IllegalArgumentException.class, () -> Bencode.encode(Map.of(1, "a")));
    assertThrows(IllegalArgumentException.class, () -> Bencode.encode(Arrays.asList("a", null)));
  }

  @Test
  void refusesToEncodeBeyondTheDepthLimit() {
    Object nested = "leaf";
    for (int i = 0; i < Bencode.MAX_DEPTH; i++) {
      nested = List.of(nested);
    }
    Object tooDeep = nested;
    assertThrows(IllegalArgumentException.class, () -> Bencode.encode(tooDeep));
  }

  @Test
  void decodesEachType() {
    assertArrayEquals("spam".getBytes(UTF_8), (byte[]) decode("4:spam"));
    assertArrayEquals(new byte[0], (byte[]) decode("0:"));
    assertEquals(42L, decode("i42e"));
    assertEquals(-42L, decode("i-42e"));
    assertEquals(0L, decode("i0e"));
    assertEquals(Long.MAX_VALUE, decode("i9223372036854775807e"));
    assertEquals(List.of(1L, 2L), decode("li1ei2ee"));
    assertEquals(List.of(), decode("le"));
    assertEquals(Map.of(), decode("de"));
  }

  @Test
  void decodesRtpengineAnswersWithTheirKeysInTheOrderTheyCame() {
    Map<?, ?> answer = (Map<?, ?>) decode("d3:sdp3:v=06:result2:oke");
    assertEquals(List.of("sdp", "result"), List.copyOf(answer.keySet()));
    assertArrayEquals("ok".getBytes(UTF_8), (byte[]) answer.get("result"));
  }

  @Test
  void roundTripsNestedValues() {
    Map<String, Object> value =
        Map.of("replace", List.of("origin", "session-connection"), "n", 3L, "d", Map.of("x", 1L));
    Map<?, ?> decoded = (Map<?, ?>) Bencode.decode(Bencode.encode(value));
    assertEquals(encode(value), encode(decoded));
  }

  @Test
  void decodesAGivenSliceOfABuffer() {
    byte[] buffer = "cookie i5e trailing".getBytes(UTF_8);
    assertEquals(5L, Bencode.decode(buffer, 7, 3));
  }

  @Test
  void decodedCollectionsCannotBeChanged() {
    List<?> list = (List<?>) decode("li1ee");
    assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    Map<?, ?> map = (Map<?, ?>) decode("d1:ai1ee");
    assertThrows(UnsupportedOperationException.class, map::clear);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", // nothing
        "x", // unknown type
        "i", // integer cut short
        "i12", // integer without its end
        "ie", // integer without digits
        "i-e", // sign without digits
        "i-0e", // negative zero
        "i03e", // leading zero
        "i1.5e", // not an integer
        "i 1e", // space inside an integer
        "i+1e", // explicit plus sign
        "i99999999999999999999e", // beyond a long
        "i9223372036854775808e", // just beyond a long
        "5:abc", // string longer than the input
        "03:abc", // leading zero in a length
        "3abc", // length without its colon
        "-1:a", // negative length
        "999999:a", // length beyond any datagram
        "l", // list without its end
        "li1e", // list cut short
        "d", // dictionary without its end
        "d1:a", // key without a value
        "di1ei2ee", // key that is not a string
        "d1:ai1e1:ai2ee", // key twice
        "i1ei2e", // two values
        "4:spamx", // data after the value
        "e", // an end with nothing open
      })
  void refusesMalformedInput(String input) {
    assertThrows(MalformedBencodeException.class, () -> decode(input));
  }

  @Test
  void refusesAKeyThatIsNotUtf8() {
    byte[] input = {'d', '1', ':', (byte) 0xff, 'i', '1', 'e', 'e'};
    assertThrows(MalformedBencodeException.class, () -> Bencode.decode(input));
  }

  @Test
  void refusesNestingDeeperThanTheLimit() {
    String atLimit = "l".repeat(Bencode.MAX_DEPTH) + "e".repeat(Bencode.MAX_DEPTH);
    decode(atLimit);
    String tooDeep = "l".repeat(Bencode.MAX_DEPTH + 1) + "e".repeat(Bencode.MAX_DEPTH + 1);
    assertThrows(MalformedBencodeException.class, () -> decode(tooDeep));
    String bomb = "l".repeat(60_000);
    assertThrows(MalformedBencodeException.class, () -> decode(bomb));
  }

  @Test
  void refusesInputLongerThanADatagram() {
    byte[] input = Bencode.encode(new byte[Bencode.MAX_INPUT]);
    assertThrows(MalformedBencodeException.class, () -> Bencode.decode(input));
  }

  @Test
  void theMessageNeverQuotesTheInput() {
    String secret = "d6:secret3:pin6:secret3:pine";
    MalformedBencodeException refused =
        assertThrows(MalformedBencodeException.class, () -> decode(secret));
    assertEquals("malformed bencode: a dictionary key appears twice", refused.getMessage());
    assertFalse(refused.getMessage().contains("pin"));
  }
}
