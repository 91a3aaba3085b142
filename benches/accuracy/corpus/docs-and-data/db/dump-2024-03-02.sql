-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: mysql-blog.acme-hosting.net    Database: acme_shop
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `password` varchar(255) NOT NULL,
  `remember_token` varchar(100) DEFAULT NULL,
  `role` enum('customer','admin') NOT NULL DEFAULT 'customer',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES
(1,'admin@acme-shop.io','$2y$10$gorTAuRVpQ09oiVeZWJ9QyucS19AvMp2gUAeSsUfFgUl8oPK.HJN4',NULL,'admin'),
(2,'m.keller@acme-shop.io','$2y$10$5P/ED75cNRqsKz5b70CO8W7RQHy2Yp.ptzsJqLOJqu3g9DYpQaxEN','FbtfeeHv0fG2xPVD8AfOTovYGkYSrIiBSed1S3wlj46Fuq3sXRo5QhgYrZJd','admin'),
(3,'anna.schmidt@gmail.com','$2y$10$/rgiOaPq/N9RtlnnudSkpmKog0Qwp/vaQcT7xl2cwC6dT0ctPVnaa',NULL,'customer'),
(4,'j.nowak@wp.pl','$2y$10$wqrczLJWImKMG4hEbuUVDPDR/m0k5iqkwUONAIifEcLav.q5ZvQmL',NULL,'customer'),
(5,'lee.chen@outlook.com','$2y$10$L8ZrF8w50SR2Qugs4lIFVRdxtDyKUOtfZUTqr8aFvnKbnHFbDfj3u',NULL,'customer');
UNLOCK TABLES;

DROP TABLE IF EXISTS `legacy_members`;
CREATE TABLE `legacy_members` (`id` int, `login` varchar(64), `pass_md5` char(32));
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (1,'webmaster','42fa14e40b0ae5e996fbe76db1f9664f'),(2,'shop','42efdc0661487fde7498046dfb168bec');
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (3,'kasse','945c6b09be87fabc213900bc5fd0628e');

DROP TABLE IF EXISTS `settings`;
CREATE TABLE `settings` (`name` varchar(64) PRIMARY KEY, `value` text);
INSERT INTO `settings` VALUES ('smtp_password','hOTduCDuaOHZgO3I-'),('theme','dark');
INSERT INTO `settings` VALUES ('paypal_client_secret','a1tQFTP7C7TPV_noay1IA1P_4WNaw2MveYVbuVr9L3FiXUxA7xjmhlsmwfgLBbJ0s-Yxz4N82YUvRe-k');
INSERT INTO `settings` VALUES ('password_min_length','10'),('password_reset_ttl','3600');
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2024-03-02  3:10:01
