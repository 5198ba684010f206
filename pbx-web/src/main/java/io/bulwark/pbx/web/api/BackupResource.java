package io.bulwark.pbx.web.api;

import io.bulwark.pbx.backup.BackupContent;
import io.bulwark.pbx.backup.BackupFile;
import io.bulwark.pbx.backup.BackupJobs;
import io.bulwark.pbx.backup.BackupProgress;
import io.bulwark.pbx.backup.BackupSchedule;
import io.bulwark.pbx.backup.BackupScheduleDraft;
import io.bulwark.pbx.backup.BackupScheduleService;
import io.bulwark.pbx.backup.BackupService;
import io.bulwark.pbx.backup.BackupTiming;
import io.bulwark.pbx.backup.RestorePlan;
import io.bulwark.pbx.backup.SftpBackups;
import io.bulwark.pbx.backup.SftpServer;
import io.bulwark.pbx.backup.SftpServerDraft;
import io.bulwark.pbx.identity.Area;
import io.bulwark.pbx.system.FieldViolation;
import io.bulwark.pbx.system.InvalidInputException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriBuilder;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/backups}: Maintenance > Backup and Restore. A backup is made, listed, downloaded,
 * uploaded, checked with its passphrase (a dry run that says what a restore would change), restored
 * and deleted; {@code progress} shows the one running. With an SFTP server set, every new backup is
 * copied there too, and its backups can be fetched back.
 */
@Path("/backups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Guarded(Area.SYSTEM)
public class BackupResource {

  @Inject private BackupService backups;
  @Inject private BackupJobs jobs;
  @Inject private BackupProgress progress;
  @Inject private BackupScheduleService schedules;
  @Inject private SftpBackups sftp;
  @Context private SecurityContext security;

  /** A backup; {@code contents} are CONFIGURATION, CALL_RECORDS, EVENT_LOGS, CERTIFICATES. */
  public record View(
      String name,
      long bytes,
      Instant createdAt,
      String schemaVersion,
      List<String> contents,
      long rows) {

    static View of(BackupFile b) {
      return new View(
          b.name(),
          b.bytes(),
          b.manifest().createdAt(),
          b.manifest().schemaVersion(),
          b.manifest().contents().stream().map(Enum::name).sorted().toList(),
          b.manifest().rows());
    }
  }

  /** What to back up, and the passphrase (12 characters or more) that will restore it. */
  public record Input(List<String> contents, String passphrase) {}

  public record PassphraseInput(String passphrase) {}

  /**
   * What a restore changes: per table, the rows now and the rows it puts in their place, and what
   * becomes of the server's certificate (absent when the backup holds none).
   */
  public record Plan(
      View backup, List<RestorePlan.TableChange> tables, long rowsInBackup, String certificate) {
    static Plan of(RestorePlan plan) {
      return new Plan(
          View.of(plan.backup()), plan.tables(), plan.rowsInBackup(), plan.certificate());
    }
  }

  @GET
  @APIResponse(responseCode = "200", description = "The backups in the backup folder, newest first")
  public List<View> list() {
    return backups.list().stream().map(View::of).toList();
  }

  @POST
  @APIResponse(
      responseCode = "202",
      description = "Started; Location is its progress, which names the backup once it is made")
  @APIResponse(
      responseCode = "400",
      description = "No content chosen or too short a passphrase",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Another backup or restore runs, or the folder cannot be written",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response create(Input input) {
    Input body = Requests.required(input);
    jobs.startBackup(contents(body.contents()), body.passphrase(), Requests.actor(security));
    return started();
  }

  private Response started() {
    return Response.accepted(progress.state())
        .location(UriBuilder.fromPath("/api/v1/backups/progress").build())
        .build();
  }

  /**
   * The backup schedule; {@code at} is a time of day (HH:mm) in the time zone of Business Hours,
   * {@code day} a day of the week for a weekly one, and {@code nextRun} when it runs next.
   */
  public record ScheduleView(
      boolean enabled,
      String frequency,
      String day,
      String at,
      int keep,
      List<String> contents,
      boolean passphraseSet,
      Instant lastRunAt,
      Instant nextRun,
      int version) {}

  /** A passphrase left out keeps the one saved. */
  public record ScheduleInput(
      Boolean enabled,
      String frequency,
      String day,
      String at,
      Integer keep,
      List<String> contents,
      String passphrase,
      Integer version) {}

  @GET
  @Path("/schedule")
  @APIResponse(responseCode = "200", description = "The backup schedule")
  public ScheduleView schedule() {
    return scheduleView();
  }

  @PUT
  @Path("/schedule")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public ScheduleView updateSchedule(ScheduleInput input) {
    ScheduleInput body = Requests.required(input);
    java.time.LocalTime at = Requests.timeOfDay(body.at(), "at");
    BackupTiming.Frequency frequency =
        Requests.constant(BackupTiming.Frequency.class, body.frequency(), "frequency");
    java.time.DayOfWeek day = Requests.constant(java.time.DayOfWeek.class, body.day(), "day");
    schedules.update(
        body.version(),
        new BackupScheduleDraft(
            Boolean.TRUE.equals(body.enabled()),
            frequency,
            day,
            at,
            body.keep(),
            contents(body.contents()),
            body.passphrase()),
        Requests.actor(security));
    return scheduleView();
  }

  private ScheduleView scheduleView() {
    BackupSchedule s = schedules.schedule();
    return new ScheduleView(
        s.isEnabled(),
        s.getFrequency().name(),
        s.getDay().name(),
        s.getAt().toString(),
        s.getKeep(),
        s.getContents().stream().map(Enum::name).sorted().toList(),
        s.isPassphraseSet(),
        s.getLastRunAt(),
        schedules.nextRun().orElse(null),
        s.getVersion());
  }

  /**
   * The SFTP server every new backup is also copied to; {@code hostKey} is the SHA-256 fingerprint
   * it must present (as {@code ssh-keygen -lf} shows it), the password is never shown.
   */
  public record SftpView(
      boolean enabled,
      String host,
      int port,
      String username,
      boolean passwordSet,
      String directory,
      String hostKey,
      int version) {}

  /** A password left out keeps the one saved. */
  public record SftpInput(
      Boolean enabled,
      String host,
      Integer port,
      String username,
      String password,
      String directory,
      String hostKey,
      Integer version) {

    SftpServerDraft draft() {
      return new SftpServerDraft(
          Boolean.TRUE.equals(enabled), host, port, username, password, directory, hostKey);
    }
  }

  @GET
  @Path("/sftp")
  @APIResponse(responseCode = "200", description = "The SFTP server backups are copied to")
  public SftpView sftp() {
    return sftpView();
  }

  @PUT
  @Path("/sftp")
  @APIResponse(responseCode = "200", description = "As changed")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "409",
      description = "Changed by someone else since the version sent",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public SftpView updateSftp(SftpInput input) {
    SftpInput body = Requests.required(input);
    sftp.update(body.version(), body.draft(), Requests.actor(security));
    return sftpView();
  }

  @POST
  @Path("/sftp/test")
  @APIResponse(
      responseCode = "200",
      description =
          "Whether these settings reach the server, sign in and write to the folder; saves nothing."
              + " hostKey is the key the server presented")
  @APIResponse(
      responseCode = "400",
      description = "A field is wrong; errors says which",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public SftpBackups.TestOutcome testSftp(SftpInput input) {
    return sftp.test(Requests.required(input).draft());
  }

  @GET
  @Path("/sftp/backups")
  @APIResponse(responseCode = "200", description = "The backups on the SFTP server, newest first")
  @APIResponse(
      responseCode = "404",
      description = "No SFTP server is set",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "The SFTP server cannot be reached or read",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public List<SftpBackups.RemoteBackup> sftpBackups() {
    return sftp.list();
  }

  @POST
  @Path("/sftp/backups/{name}/fetch")
  @APIResponse(
      responseCode = "201",
      description = "Copied from the SFTP server into the backup folder, to check and restore")
  @APIResponse(
      responseCode = "400",
      description = "The folder already holds a backup of this name, or the file is not a backup",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No SFTP server is set, or it holds no backup of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "The SFTP server cannot be reached",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response fetch(@PathParam("name") String name) {
    BackupFile stored = backups.fetch(name, Requests.actor(security));
    return Response.created(UriBuilder.fromPath("/api/v1/backups/{name}/file").build(stored.name()))
        .entity(View.of(stored))
        .build();
  }

  private SftpView sftpView() {
    SftpServer s = sftp.server();
    return new SftpView(
        s.isEnabled(),
        s.getHost(),
        s.getPort(),
        s.getUsername(),
        s.isPasswordSet(),
        s.getDirectory(),
        s.getHostKey(),
        s.getVersion());
  }

  @GET
  @Path("/progress")
  @APIResponse(
      responseCode = "200",
      description = "The backup, check or restore running or last run")
  public BackupProgress.State progress() {
    return progress.state();
  }

  @GET
  @Path("/{name}/file")
  @Produces(MediaType.WILDCARD)
  @APIResponse(responseCode = "200", description = "The backup file, to keep elsewhere")
  @APIResponse(
      responseCode = "404",
      description = "No backup of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response download(@PathParam("name") String name) {
    java.nio.file.Path file = backups.file(name);
    return Response.ok(file.toFile(), MediaType.APPLICATION_OCTET_STREAM)
        .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
        .build();
  }

  @POST
  @Path("/upload")
  @Consumes(MediaType.WILDCARD)
  @APIResponse(responseCode = "201", description = "Stored in the backup folder")
  @APIResponse(
      responseCode = "400",
      description = "The body is not a Bulwark backup",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response upload(InputStream body) {
    BackupFile stored = backups.upload(body, Requests.actor(security));
    return Response.created(UriBuilder.fromPath("/api/v1/backups/{name}/file").build(stored.name()))
        .entity(View.of(stored))
        .build();
  }

  @POST
  @Path("/{name}/check")
  @APIResponse(
      responseCode = "200",
      description = "The backup reads whole with this passphrase; what a restore would change")
  @APIResponse(
      responseCode = "400",
      description = "Wrong passphrase, changed or damaged file, or a newer schema; nothing changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No backup of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Plan check(@PathParam("name") String name, PassphraseInput input) {
    return Plan.of(
        backups.check(name, Requests.required(input).passphrase(), Requests.actor(security)));
  }

  @POST
  @Path("/{name}/restore")
  @APIResponse(
      responseCode = "202",
      description =
          "The backup opens with this passphrase and the restore started; Location is its"
              + " progress")
  @APIResponse(
      responseCode = "400",
      description = "Wrong passphrase, changed or damaged file, or a newer schema; nothing changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "404",
      description = "No backup of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  @APIResponse(
      responseCode = "503",
      description = "Another backup or restore runs; nothing changed",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public Response restore(@PathParam("name") String name, PassphraseInput input) {
    jobs.startRestore(name, Requests.required(input).passphrase(), Requests.actor(security));
    return started();
  }

  @DELETE
  @Path("/{name}")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(
      responseCode = "404",
      description = "No backup of this name",
      content = @Content(mediaType = Problem.MEDIA_TYPE_NAME))
  public void delete(@PathParam("name") String name) {
    backups.delete(name, Requests.actor(security));
  }

  private static Set<BackupContent> contents(List<String> names) {
    List<FieldViolation> violations = new ArrayList<>();
    if (names != null && names.contains(null)) {
      throw new InvalidInputException(
          "contents", "Name each content: CONFIGURATION, CALL_RECORDS, EVENT_LOGS, CERTIFICATES");
    }
    Set<BackupContent> chosen =
        QueryParameters.constants("contents", names, BackupContent.class, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInputException(violations);
    }
    return chosen.isEmpty() ? Set.of() : EnumSet.copyOf(chosen);
  }
}
