// The export page: follow the report's progress until its file is ready.
const box = document.querySelector(".report-progress");
if (box) {
  const bar = box.querySelector("progress");
  const label = box.querySelector(".status-label");
  const download = box.querySelector(".download");
  const poll = async () => {
    try {
      const response = await fetch(box.dataset.statusUrl, { credentials: "same-origin" });
      if (response.ok) {
        const data = await response.json();
        bar.value = data.progress;
        bar.textContent = `${data.progress}%`;
        label.textContent = data.status_label;
        if (data.status === "ready") {
          download.hidden = false;
          return;
        }
        if (data.status === "failed") {
          window.location.reload();
          return;
        }
      }
    } catch {
      // No signal for a moment: try again.
    }
    setTimeout(poll, 1500);
  };
  poll();
}
