// Shared by server and web: the session cookie and the header that carries the CSRF token.
export const sessionCookie = 'alliances_session';
export const csrfHeader = 'x-csrf-token';
