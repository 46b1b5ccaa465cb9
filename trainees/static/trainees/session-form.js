/* New session: one tap on a topic fills in the title and ticks the topic. */
(function () {
  "use strict";
  document.querySelectorAll("[data-topic]").forEach(function (b) {
    b.addEventListener("click", function () {
      document.getElementById("id_title").value = b.dataset.topic;
      var box = document.querySelector('input[name="topic_list"][value="' + b.dataset.topicId + '"]');
      if (box) { box.checked = true; }
    });
  });
})();
