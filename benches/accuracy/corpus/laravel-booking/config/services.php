<?php

return [
    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.eu.mailgun.net'),
    ],

    'amadeus' => [
        'client_id' => 'PqpFIliyopDqi3ksE7JbWpFXgUjNobtV',
        'client_secret' => 'SUkGRwXAzlFLA3Tj',
    ],

    'google' => [
        'maps_key' => 'AIzabn_SsUkjPxC50At-08FFajOmATtmHw3d5qm',
    ],

    'booking_partner' => [
        'url' => 'https://api.partner-hotels.com/v2',
        'username' => 'acme_travel',
        'password' => 'SI3OfNL5oQhw*',
    ],
];
