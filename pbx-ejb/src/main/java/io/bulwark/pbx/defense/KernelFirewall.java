package io.bulwark.pbx.defense;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The kernel backend: keeps the table {@code inet bulwark} ({@link NftablesScript}) in step with
 * the defenses through the {@code nft} command, so that a blocked source's packets are dropped
 * before they reach the JVM. The table is rebuilt when the rules change, and only its blocked sets
 * when the blocks do, or only the sets of {@link KernelAccess} when the lists change; it is removed
 * when the backend is turned off or the server stops.
 */
final class KernelFirewall {

  private static final Logger LOG = Logger.getLogger(KernelFirewall.class);
  private static final Pattern BLOCKED_COUNTER =
      Pattern.compile(
          "counter packets (\\d+) bytes \\d+ drop comment \"" + NftablesScript.BLOCKED + "\"");

  /** What the backend did last. */
  record Status(boolean applied, Instant at, String problem) {
    static final Status OFF = new Status(false, null, null);
  }

  private final Clock clock;
  private boolean leftoverCleared;
  private String appliedTable;
  private Set<String> appliedBlocks;
  private KernelAccess appliedAccess;
  private volatile Status status = Status.OFF;

  KernelFirewall(Clock clock) {
    this.clock = clock;
  }

  Status status() {
    return status;
  }

  /**
   * Brings the table in step, or removes it when {@code enabled} is false. Calls run one at a time
   * (the defense table's loads do).
   */
  void sync(
      boolean enabled,
      List<FirewallRule> statics,
      List<RateRule> kernelRates,
      int autoBlockMinutes,
      Collection<Block> blocks,
      KernelAccess access) {
    if (!enabled) {
      if (!leftoverCleared) {
        leftoverCleared = true;
        removeLeftover();
      }
      remove();
      return;
    }
    leftoverCleared = true;
    Instant now = clock.instant();
    String table = NftablesScript.table(statics, kernelRates, autoBlockMinutes, access);
    Set<String> blockKeys =
        blocks.stream()
            .filter(b -> b.activeAt(now))
            .map(b -> b.source() + " " + b.until())
            .collect(Collectors.toSet());
    try {
      if (!table.equals(appliedTable)) {
        run(table + NftablesScript.blocks(blocks, now) + NftablesScript.access(access));
      } else if (!blockKeys.equals(appliedBlocks) || !access.equals(appliedAccess)) {
        run(
            (blockKeys.equals(appliedBlocks) ? "" : NftablesScript.blocks(blocks, now))
                + (access.equals(appliedAccess) ? "" : NftablesScript.access(access)));
      } else {
        return;
      }
      appliedTable = table;
      appliedBlocks = blockKeys;
      appliedAccess = access;
      status = new Status(true, now, null);
    } catch (NftException e) {
      appliedTable = null;
      appliedBlocks = null;
      appliedAccess = null;
      if (status.problem() == null || !status.problem().equals(e.getMessage())) {
        LOG.warnf("The kernel firewall could not be applied: %s", e.getMessage());
      }
      status = new Status(false, now, e.getMessage());
    }
  }

  /** Whether {@code nft} can apply a table here; the problem when it cannot. */
  static String problem() {
    try {
      run(
          NftablesScript.table(List.of(), List.of(), 1, KernelAccess.NONE)
              + "delete table "
              + NftablesScript.TABLE
              + "\n",
          true);
      return null;
    } catch (NftException e) {
      return e.getMessage();
    }
  }

  /** Packets the blocked sets have dropped since the table was made; 0 without a table. */
  long blockedPackets() {
    if (!status.applied()) {
      return 0;
    }
    try {
      String listing = run("list chain " + NftablesScript.TABLE + " input\n");
      long total = 0;
      Matcher m = BLOCKED_COUNTER.matcher(listing);
      while (m.find()) {
        total += Long.parseLong(m.group(1));
      }
      return total;
    } catch (NftException e) {
      return 0;
    }
  }

  void remove() {
    if (appliedTable == null && !status.applied() && status.problem() == null) {
      return;
    }
    try {
      run("table " + NftablesScript.TABLE + " {}\ndelete table " + NftablesScript.TABLE + "\n");
    } catch (NftException e) {
      LOG.warnf("The kernel firewall's table could not be removed: %s", e.getMessage());
    }
    appliedTable = null;
    appliedBlocks = null;
    appliedAccess = null;
    status = Status.OFF;
  }

  /**
   * Removes a table that a process which ended without stopping (killed, crashed) left behind, so
   * that its blocks do not outlive the setting that made them. Without nft, or without the right to
   * use it, there is nothing to remove and nothing to say.
   */
  private static void removeLeftover() {
    try {
      if (run("list tables\n").contains("inet bulwark")) {
        run("delete table " + NftablesScript.TABLE + "\n");
        LOG.info("Removed the kernel firewall table a previous run left behind");
      }
    } catch (NftException e) {
      // nft missing or not permitted: no table of ours can be there.
    }
  }

  private static String run(String script) throws NftException {
    return run(script, false);
  }

  /** Runs {@code script} through {@code nft -f -}, only checking it when {@code checkOnly}. */
  private static String run(String script, boolean checkOnly) throws NftException {
    List<String> command = checkOnly ? List.of("nft", "-c", "-f", "-") : List.of("nft", "-f", "-");
    Process nft;
    try {
      nft = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new NftException("nft is not installed (Debian package nftables)");
    }
    try {
      nft.getOutputStream().write(script.getBytes(StandardCharsets.US_ASCII));
      nft.getOutputStream().close();
      String out = new String(nft.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!nft.waitFor(60, TimeUnit.SECONDS)) {
        nft.destroyForcibly();
        throw new NftException("nft did not finish within 60 s");
      }
      if (nft.exitValue() != 0) {
        throw new NftException(firstLine(out));
      }
      return out;
    } catch (IOException e) {
      throw new NftException("nft failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NftException("interrupted");
    }
  }

  private static String firstLine(String out) {
    String line = out.strip().lines().findFirst().orElse("nft failed");
    return line.length() > 200 ? line.substring(0, 200) : line;
  }

  /** What nft said when it refused; its own words, which name no Bulwark internals. */
  static final class NftException extends Exception {
    NftException(String message) {
      super(message, null, false, false);
    }
  }
}
