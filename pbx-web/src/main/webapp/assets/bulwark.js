/* Bulwark PBX console behaviour shared by every page. Needs PrimeFaces' jQuery, loaded before it. */
var Bulwark = (function () {
  'use strict';

  /* A request that comes back 401 means the session ended (idle timeout, signed out elsewhere):
     say so, instead of a Save that spins forever. */
  $(document).on('pfAjaxError', function (event, xhr) {
    if (xhr && xhr.status === 401) {
      PF('sessionEnded').show();
    }
  });

  /* Hours and minutes in the browser's own zone and locale. */
  function clockTime(when) {
    return when.toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'});
  }

  /* Times are sent in UTC (ISO 8601) and shown in the browser's own zone: date and time, or only
     the time with data-bw-local="time". */
  function localTimes() {
    $('time[data-bw-local]').each(function () {
      var iso = this.getAttribute('datetime');
      var when = new Date(iso);
      if (!isNaN(when.getTime())) {
        this.textContent = this.getAttribute('data-bw-local') === 'time'
          ? clockTime(when) : when.toLocaleString();
        this.title = iso;
      }
    });
  }
  $(localTimes);
  $(document).on('pfAjaxComplete', localTimes);

  /* Esc closes an open dialog that may be closed, as a user expects from any dialog. */
  $(document).on('keydown', function (event) {
    if (event.key === 'Escape') {
      $('.ui-dialog:visible .ui-dialog-titlebar-close').first().trigger('click');
    }
  });

  /* When someone last used the page, for live updates that run only while it is attended. */
  var lastInput = Date.now();
  ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'].forEach(function (type) {
    document.addEventListener(type, function () { lastInput = Date.now(); }, {passive: true});
  });

  return {
    /* A chart's extender (p:chart extender="Bulwark.chartTimes"): its labels come as the periods'
       starts in epoch milliseconds and are shown as local times; a tooltip names date and time. */
    chartTimes: function () {
      var config = this.cfg.config;
      var starts = config.data.labels;
      config.data.labels = starts.map(function (millis) { return clockTime(new Date(millis)); });
      config.options.plugins.tooltip = {callbacks: {title: function (items) {
        return new Date(starts[items[0].dataIndex]).toLocaleString();
      }}};
    },
    /* A poll's onstart: true while the page was used in the last idleMinutes; otherwise stops the
       poll and shows the note that says so, since every poll would keep the session alive. */
    whileAttended: function (poll, note, idleMinutes) {
      if (Date.now() - lastInput < idleMinutes * 60000) {
        return true;
      }
      PF(poll).stop();
      document.getElementById(note).hidden = false;
      return false;
    },
    /* A confirmation opens on its safe choice, so Enter never deletes by accident. */
    focusSafeChoice: function () {
      window.setTimeout(function () {
        $('.ui-confirmdialog:visible .ui-confirmdialog-no').first().trigger('focus');
      }, 60);
    },
    toggleMenu: function () {
      document.getElementById('sidebar').classList.toggle('bw-open');
    },
    /* The page was left open longer than its view is kept: load it again, and say why. */
    reloadExpired: function () {
      var url = new URL(window.location.href);
      url.searchParams.set('expired', '1');
      window.location.replace(url.toString());
    }
  };
})();
