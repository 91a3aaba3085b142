export const environment = {
  production: false,
  apiUrl: "http://localhost:4000",
  firebase: {
    apiKey: "YOUR_FIREBASE_API_KEY",
    authDomain: "acme-admin-dev.firebaseapp.com",
    projectId: "acme-admin-dev",
  },
  sentryDsn: "",
  adminApiToken: process.env["ADMIN_API_TOKEN"] ?? "",
};
