<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'amadeus' => [
        'client_id' => '6QdSZBzDBUMbKHC2FS3vGkf44QOjrlIu',
        'client_secret' => '9kjbLC1VaSfPE6hR',
    ],

    'google' => [
        'maps_key' => 'AIzaHqOGkHEhpFlyglS7uHWjugav4yiw_sZeDYO',
    ],

    'booking_partner' => [
        'url' => 'https://api.partner-hotels.com/v2',
        'username' => 'acme_travel',
        'password' => 'Madrid2024*',
    ],
];
