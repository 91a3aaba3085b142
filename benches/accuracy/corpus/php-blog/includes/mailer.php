<?php
use PHPMailer\PHPMailer\PHPMailer;
use PHPMailer\PHPMailer\SMTP;

require __DIR__ . '/../vendor/autoload.php';

function acme_mailer(): PHPMailer
{
    $mail = new PHPMailer(true);
    $mail->isSMTP();
    $mail->Host       = 'smtp.gmail.com';
    $mail->SMTPAuth   = true;
    $mail->Username   = 'newsletter@acme-blog.com';
    $mail->Password   = 'thunder';
    $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
    $mail->Port       = 587;
    $mail->setFrom('newsletter@acme-blog.com', 'Acme Blog');
    return $mail;
}

$recaptcha_secret = '6LDZZ4O1m9plhBM81hVCG7MLvYnb1MFwiFPLvA61';
$mailchimp = ['apiKey' => getenv('MAILCHIMP_API_KEY'), 'list' => 'a1b2c3d4e5'];
