<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'amadeus' => [
        'client_id' => 'qd6MWieQfcgDU2jjFAycFnmkKS7lB1yK',
        'client_secret' => 'j8dkN0uVZrYyP8PT',
    ],

    'google' => [
        'maps_key' => 'AIzavuaYTWvnK0XTdT5ZNgDKvgP9b3ZKbf5KyHV',
    ],

    'booking_partner' => [
        'url' => 'https://api.partner-hotels.com/v2',
        'username' => 'acme_travel',
        'password' => 'Nevada.4242',
    ],
];
