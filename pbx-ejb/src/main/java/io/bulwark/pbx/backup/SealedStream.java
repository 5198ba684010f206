package io.bulwark.pbx.backup;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * AES-256-GCM over a stream of any length, in chunks of {@link #CHUNK} bytes, each sealed on its
 * own: its nonce is the backup's nonce with the chunk's number mixed in, and its additional data
 * says its number and whether it is the last. A chunk changed, moved, dropped, or a stream cut
 * short, fails to open; a restore never has to hold the whole backup in memory to trust it.
 */
final class SealedStream {

  static final int CHUNK = 64 * 1024;
  static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private SealedStream() {}

  /** Thrown when a chunk does not open: the wrong passphrase, or a changed backup. */
  static final class Refused extends IOException {
    Refused(String message) {
      super(message);
    }
  }

  static OutputStream sealing(OutputStream out, SecretKey key, byte[] nonce) {
    return new Sealing(new DataOutputStream(out), key, nonce);
  }

  static InputStream opening(InputStream in, SecretKey key, byte[] nonce) {
    return new Opening(new DataInputStream(in), key, nonce);
  }

  private static Cipher cipher(int mode, SecretKey key, byte[] nonce, long index, boolean last)
      throws IOException {
    byte[] iv = nonce.clone();
    for (int i = 0; i < 8; i++) {
      iv[NONCE_BYTES - 1 - i] ^= (byte) (index >>> (8 * i));
    }
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(ByteBuffer.allocate(9).putLong(index).put((byte) (last ? 1 : 0)).array());
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IOException("AES-GCM is not available", e);
    }
  }

  private static final class Sealing extends OutputStream {
    private final DataOutputStream out;
    private final SecretKey key;
    private final byte[] nonce;
    private final byte[] buffer = new byte[CHUNK];
    private int filled;
    private long index;
    private boolean closed;

    Sealing(DataOutputStream out, SecretKey key, byte[] nonce) {
      this.out = out;
      this.key = key;
      this.nonce = nonce;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == CHUNK) {
          seal(false);
        }
        int n = Math.min(len, CHUNK - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void seal(boolean last) throws IOException {
      try {
        byte[] sealed =
            cipher(Cipher.ENCRYPT_MODE, key, nonce, index++, last).doFinal(buffer, 0, filled);
        out.writeInt(sealed.length);
        out.write(sealed);
        filled = 0;
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        seal(true);
        out.close();
      }
    }
  }

  private static final class Opening extends InputStream {
    private final DataInputStream in;
    private final SecretKey key;
    private final byte[] nonce;
    private byte[] plain = new byte[0];
    private int position;
    private long index;
    private boolean ended;

    Opening(DataInputStream in, SecretKey key, byte[] nonce) {
      this.in = in;
      this.key = key;
      this.nonce = nonce;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position == plain.length) {
        if (ended) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - position);
      System.arraycopy(plain, position, b, off, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      int length;
      try {
        length = in.readInt();
      } catch (EOFException e) {
        throw new Refused("The backup ends before its last part: it is cut short");
      }
      if (length < 16 || length > CHUNK + 16) {
        throw new Refused("The backup is damaged");
      }
      byte[] sealed = in.readNBytes(length);
      if (sealed.length != length) {
        throw new Refused("The backup ends before its last part: it is cut short");
      }
      plain = open(sealed, false);
      if (plain == null) {
        plain = open(sealed, true);
        if (plain == null) {
          throw new Refused(
              index == 0
                  ? "The passphrase is not the one this backup was made with"
                  : "The backup was changed after it was made");
        }
        ended = true;
        if (in.read() != -1) {
          throw new Refused("The backup has data after its end");
        }
      }
      position = 0;
      index++;
    }

    private byte[] open(byte[] sealed, boolean last) throws IOException {
      try {
        return cipher(Cipher.DECRYPT_MODE, key, nonce, index, last).doFinal(sealed);
      } catch (AEADBadTagException e) {
        return null;
      } catch (GeneralSecurityException e) {
        throw new IOException("AES-GCM failed", e);
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
