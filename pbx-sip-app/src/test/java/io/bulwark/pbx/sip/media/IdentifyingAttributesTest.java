package io.bulwark.pbx.sip.media;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class IdentifyingAttributesTest {

  private static final String PLAIN =
      "v=0\r\no=- 1 1 IN IP4 192.168.1.23\r\ns=-\r\nc=IN IP4 192.168.1.23\r\nt=0 0\r\n"
          + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=sendrecv\r\n";

  @Test
  void theSsrcLinesAndTheToolAreRemovedAndNothingElse() {
    String phone =
        "v=0\r\no=- 1 1 IN IP4 192.168.1.23\r\ns=-\r\nc=IN IP4 192.168.1.23\r\nt=0 0\r\n"
            + "a=tool:AcmePhone 4.2.1\r\n"
            + "m=audio 4000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n"
            + "a=ssrc-group:FID 11 12\r\n"
            + "a=ssrc:11 cname:alice@192.168.1.23\r\na=ssrc:12 cname:alice@192.168.1.23\r\n"
            + "a=sendrecv\r\n";

    assertEquals(PLAIN, removed(phone));
  }

  @Test
  void bareLineFeedsAndALastLineWithoutEndAreKept() {
    assertEquals(
        "v=0\na=sendrecv\na=x", removed("v=0\na=ssrc:1 cname:a@10.0.0.1\na=sendrecv\na=x"));
    assertEquals("v=0\r\n", removed("v=0\r\na=tool:x"));
  }

  @Test
  void anSdpWithNothingToRemoveIsReturnedAsItIs() {
    byte[] sdp = PLAIN.getBytes(US_ASCII);
    assertSame(sdp, IdentifyingAttributes.removedFrom(sdp));
  }

  @Test
  void onlyWholeAttributeNamesAtTheStartOfALineMatch() {
    String sdp = "v=0\r\na=ssrcx:1\r\na=fmtp:0 a=tool:x\r\na=toolbox\r\n";
    assertEquals(sdp, removed(sdp));
  }

  private static String removed(String sdp) {
    return new String(IdentifyingAttributes.removedFrom(sdp.getBytes(US_ASCII)), US_ASCII);
  }
}
