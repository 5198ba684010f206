package io.bulwark.pbx.defense;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.bulwark.pbx.system.FieldViolation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class BlocklistDraftTest {

  private static final String FEED = "https://www.spamhaus.org/drop/drop.txt";

  @ParameterizedTest
  @ValueSource(
      strings = {
        FEED,
        "http://feeds.example.com/blocklist.txt",
        "https://feeds.example.com:8443/v1/list?format=plain&key=abc",
        "HTTPS://FEEDS.EXAMPLE.COM/LIST",
        "  https://feeds.example.com/list  ",
        "http://192.0.2.10/list.txt",
        "file:/var/lib/bulwark/blocklist.txt",
        "file:///var/lib/bulwark/blocklist.txt"
      })
  void aFeedAddressOverHttpHttpsOrFromAFileIsAccepted(String url) {
    assertEquals(List.of(), new BlocklistDraft(true, url, 24).violations());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void turningItOnNeedsAFeedAddress(String url) {
    List<FieldViolation> found = new BlocklistDraft(true, url, 24).violations();

    assertEquals(List.of("url"), fields(found));
    assertFalse(found.get(0).message().isBlank());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   "})
  void turnedOffItNeedsNoFeedAddress(String url) {
    assertEquals(List.of(), new BlocklistDraft(false, url, 24).violations());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ftp://feeds.example.com/drop.txt",
        "not a url",
        "feeds.example.com/drop.txt",
        "javascript:alert(1)",
        "https://",
        "http:///drop.txt",
        "mailto:abuse@example.com",
        "file:drop.txt"
      })
  void anythingButAnHttpHttpsOrFileAddressIsRefused(String url) {
    List<FieldViolation> found = new BlocklistDraft(true, url, 24).violations();

    assertEquals(List.of("url"), fields(found));
    assertFalse(found.get(0).message().isBlank());
    assertEquals(List.of("url"), fields(new BlocklistDraft(false, url, 24).violations()));
  }

  @Test
  void aFeedAddressIsAtMost2048Characters() {
    String prefix = "https://feeds.example.com/";
    String longest = prefix + "a".repeat(2048 - prefix.length());

    assertEquals(List.of(), fields(new BlocklistDraft(true, longest, 24).violations()));
    assertEquals(
        List.of(), fields(new BlocklistDraft(true, "  " + longest + " ", 24).violations()));
    assertEquals(List.of("url"), fields(new BlocklistDraft(true, longest + "a", 24).violations()));
    assertEquals(
        List.of("url"),
        fields(new BlocklistDraft(true, longest + "a".repeat(5000), 24).violations()));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 6, 24, BlocklistDraft.MAX_HOURS})
  void anIntervalFromOneHourToTheMaximumIsAccepted(int hours) {
    assertEquals(List.of(), new BlocklistDraft(true, FEED, hours).violations());
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(ints = {0, -1, -24, BlocklistDraft.MAX_HOURS + 1, Integer.MAX_VALUE})
  void anIntervalOutsideItsRangeIsRefused(Integer hours) {
    List<FieldViolation> found = new BlocklistDraft(true, FEED, hours).violations();

    assertEquals(List.of("intervalHours"), fields(found));
    assertFalse(found.get(0).message().isBlank());
    assertEquals(
        List.of("intervalHours"), fields(new BlocklistDraft(false, null, hours).violations()));
  }

  @Test
  void everyWrongFieldIsReported() {
    assertEquals(
        List.of("url", "intervalHours"), fields(new BlocklistDraft(true, null, null).violations()));
    assertEquals(
        List.of("url", "intervalHours"),
        fields(new BlocklistDraft(false, "ftp://example.com/x", 0).violations()));
  }

  private static List<String> fields(List<FieldViolation> found) {
    return found.stream().map(FieldViolation::field).toList();
  }
}
