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

  /* Times are sent in UTC (ISO 8601) and shown in the browser's own zone. */
  function localTimes() {
    $('time[data-bw-local]').each(function () {
      var iso = this.getAttribute('datetime');
      var when = new Date(iso);
      if (!isNaN(when.getTime())) {
        this.textContent = when.toLocaleString();
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

  return {
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
