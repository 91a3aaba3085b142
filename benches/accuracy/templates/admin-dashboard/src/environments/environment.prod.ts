export const environment = {
  production: true,
  apiUrl: "https://admin-api.acme.com",
  firebase: {
    apiKey: "«aiza»", ⟦+provider⟧
    authDomain: "acme-admin.firebaseapp.com",
    projectId: "acme-admin",
    storageBucket: "acme-admin.appspot.com",
    messagingSenderId: "«digits:12»",
    appId: "1:«digits:12»:web:«hex:22»",
  },
  sentryDsn: "https://«hex:32»@o«digits:6».ingest.sentry.io/«digits:7»", ⟦-⟧
  intercomAppId: "«lower:8»",
  mapboxAccessToken: "pk.eyJ1IjoiYWNtZSIsImEiOiJ«alnum:22»In0.«b64url:16»", ⟦-⟧
  adminApiToken: "«b64url:40»", ⟦+token⟧
};
