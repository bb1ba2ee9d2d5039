// The header's unread count is told to reload when a page marks notifications read (no shared store needed).
const event = 'alliances:notifications-changed';

export function announceNotificationsChanged() {
  window.dispatchEvent(new Event(event));
}

export function onNotificationsChanged(listener: () => void): () => void {
  window.addEventListener(event, listener);
  return () => window.removeEventListener(event, listener);
}
