// Funnel tracker embed snippet: gives the visitor an anonymous id (first-party cookie), records the page view,
// and adds the id to every <form data-funnel-form> so the lead is stitched to its earlier visits.
(function () {
  var script = document.currentScript;
  var base = script && script.src ? new URL(script.src).origin : "";
  var match = document.cookie.match(/(?:^|; )funnel_vid=([^;]+)/);
  var visitorId = match ? decodeURIComponent(match[1])
      : "v-" + Date.now().toString(36) + "-" + Math.random().toString(36).slice(2, 10);
  document.cookie = "funnel_vid=" + encodeURIComponent(visitorId) + "; path=/; max-age=31536000; SameSite=Lax";

  fetch(base + "/api/activities", {
    method: "POST", headers: {"Content-Type": "application/json"}, keepalive: true,
    body: JSON.stringify({visitorId: visitorId, type: "PAGE_VIEW", url: location.href})
  }).catch(function () { /* tracking must never break the page */ });

  function tag(form) {
    if (form.querySelector("input[name=visitorId]")) { return; }
    var input = document.createElement("input");
    input.type = "hidden"; input.name = "visitorId"; input.value = visitorId;
    form.appendChild(input);
  }
  document.querySelectorAll("form[data-funnel-form]").forEach(tag);
})();
