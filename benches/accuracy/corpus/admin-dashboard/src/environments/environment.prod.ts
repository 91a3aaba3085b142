export const environment = {
  production: true,
  apiUrl: "https://admin-api.acme.com",
  firebase: {
    apiKey: "AIzaMTL3xzfMg5lJYj-loHI3Yhc1OxT_8QY4_3B",
    authDomain: "acme-admin.firebaseapp.com",
    projectId: "acme-admin",
    storageBucket: "acme-admin.appspot.com",
    messagingSenderId: "493180188585",
    appId: "1:854157944178:web:adec108b08c3ce052e9681",
  },
  sentryDsn: "https://9b8ac3e6dfeb63cc17fd04d501499575@o373906.ingest.sentry.io/3549086",
  intercomAppId: "17ujcd04",
  mapboxAccessToken: "pk.eyJ1IjoiYWNtZSIsImEiOiJHBW44peEcu8hj28iHoTyXPIn0.OSUoutVmIoJHwmbI7_Drow",
  adminApiToken: "6QFe8tnPSrb4ssucsv-f7YEAUwjrNFyLc87mGPGWHNfbQqFC3HM-sQ",
};
