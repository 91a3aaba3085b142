export const environment = {
  production: true,
  apiUrl: "https://admin-api.acme.com",
  firebase: {
    apiKey: "AIzaHVJWDBt2hWdQZUm14QhoxhLPAbQcEFUV2fs",
    authDomain: "acme-admin.firebaseapp.com",
    projectId: "acme-admin",
    storageBucket: "acme-admin.appspot.com",
    messagingSenderId: "144097499213",
    appId: "1:557760143279:web:d55911ea2cbd390b656a4d",
  },
  sentryDsn: "https://2bad821df997d529975dcb6de0703b4a@o953876.ingest.sentry.io/8090981",
  intercomAppId: "2lbc7rd0",
  mapboxAccessToken: "pk.eyJ1IjoiYWNtZSIsImEiOiJPsmYaUSRCsllZq3ZycZOkNIn0.8xkBw9bwVSZJGo_Rw1Pwfw",
  adminApiToken: "XrVYx0BfNyPuZPeSWa8onUTjAnvY8FFm5RGutfg-pcNmu27gQ-rTSg",
};
